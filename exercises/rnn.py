"""The recurrent networks and LSTM talk: what's for dinner, and a children's book.

The talk ("How recurrent neural networks and long short-term memory work") starts with
a flatmate who cooks pizza, then sushi, then waffles, then pizza again, in a cycle. A
network that only looks at yesterday's dinner predicts tonight's every time; when you
were away, it predicts from its own prediction of yesterday, "unwrapped in time" over as
many nights as you missed. Then the same network writes a children's book ("doug saw
jane. jane saw spot. spot saw doug."), and its one-step memory makes mistakes ("doug saw
doug."). Long short-term memory (LSTM) adds a memory and three gates that choose what
to ignore, what to forget and what to release as a prediction.

The exercises follow the talk, in its order:

1. ``one_hot``: a dinner (or a word) as a vector of zeros with a single one;
2. ``predict_dinner``: tonight's votes from yesterday's dinner, a weighted sum;
3. ``unroll_dinners``: two weeks away, each night predicted from the night before;
4. ``next_word`` and ``write_book``: the same network, with words instead of dinners,
   writing the children's book;
5. ``elementwise_add``, ``elementwise_mul`` and ``gate``: the LSTM's plus and times
   junctions, and a gate as a row of faucets;
6. ``lstm_step``: one step of the LSTM, with its memory and its ignore, forget and
   select gates.

Write each function below, then check your work with `grade rnn`
(`grade rnn --hint` shows a hint for each exercise that fails).

Vectors and matrices arrive as NumPy float arrays (the vocabulary as a list of words);
you may return arrays, lists or tuples of the right shape. Use only NumPy and the
standard library.
"""

import numpy as np

DINNERS = ["pizza", "sushi", "waffles"]   # the order of the dinner vectors
BOOK_WORDS = ["doug", "jane", "spot", "saw", "."]   # the children's book's whole dictionary


def one_hot(index, size):
    """A one-hot vector: ``size`` zeros (floats) with a 1 at ``index``.

    Part 1 of the talk: "we make a list of all the possible values, ... set them all
    equal to zero except for the one that is true right now; this format is called one
    hot encoding". With the dinners in the order of ``DINNERS``, sushi is:

    >>> one_hot(1, 3)
    array([0., 1., 0.])
    """
    raise NotImplementedError("write one_hot")


def predict_dinner(yesterday, weights):
    """Tonight's votes, one per dinner, from yesterday's dinner: ``weights @ yesterday``.

    Part 2 of the talk: "the neural network is just connections between every element in
    each of those input vectors to every element in the output vector". ``weights[i][j]``
    is how strongly dinner ``j`` yesterday votes for dinner ``i`` tonight, so the vote for
    dinner ``i`` is the weighted sum of row ``i`` with ``yesterday``. ``yesterday`` is a
    one-hot dinner, or yesterday's prediction when you were out.

    The flatmate's cycle: pizza yesterday votes for sushi tonight, sushi for waffles,
    waffles for pizza:

    >>> cycle = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0]], dtype=float)
    >>> predict_dinner(np.array([1.0, 0.0, 0.0]), cycle)   # pizza yesterday: sushi tonight
    array([0., 1., 0.])
    """
    raise NotImplementedError("write predict_dinner")


def unroll_dinners(known, weights, days):
    """The predictions for the ``days`` nights after the last dinner you know.

    Part 3 of the talk: "let's say we were out of town for two weeks, we can still make a
    good guess about what's going to be for dinner tonight ... we can unwrap or unwind
    this vector in time until we do have some information, and then just play it
    forward". The first night is predicted from ``known`` (a one-hot dinner), every next
    night from the previous night's prediction. Return the predictions as an array of
    shape ``(days, 3)``, one row per night (``known`` itself is not a row).

    >>> cycle = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0]], dtype=float)
    >>> unroll_dinners(np.array([1.0, 0.0, 0.0]), cycle, 4)   # sushi, waffles, pizza, sushi
    array([[0., 1., 0.],
           [0., 0., 1.],
           [1., 0., 0.],
           [0., 1., 0.]])
    """
    raise NotImplementedError("write unroll_dinners")


def next_word(word, weights, vocabulary):
    """The word the children's-book network votes for after ``word``.

    Part 4 of the talk: "we replace our food vectors with our dictionary vectors": the
    current word, one-hot over ``vocabulary`` (a list of words, such as ``BOOK_WORDS``),
    votes through ``weights`` exactly as yesterday's dinner does in ``predict_dinner``
    (``weights[i][j]``: how strongly word ``j`` votes for word ``i`` next). Return the
    word with the highest vote; on a tie, the first of the tied words in ``vocabulary``
    (as ``np.argmax`` picks).

    Weights that write "doug saw jane." sentences: doug votes for saw, saw for jane, jane
    for the period, and the period for doug:

    >>> book = np.zeros((5, 5))
    >>> for now, then in [("doug", "saw"), ("saw", "jane"), ("jane", "."), (".", "doug")]:
    ...     book[BOOK_WORDS.index(then), BOOK_WORDS.index(now)] = 1.0
    >>> next_word("doug", book, BOOK_WORDS)
    'saw'
    """
    raise NotImplementedError("write next_word")


def write_book(first_word, weights, vocabulary, length):
    """A story of ``length`` words that starts with ``first_word``, each next word the
    ``next_word`` of the one before.

    Part 4 of the talk, continued: the network writes the book one word at a time. It
    looks back only one step, so the talk's network, whose names all vote for "saw" and
    whose "saw" votes for every name alike, can write "doug saw doug."; weights that
    encode one sentence write it again and again:

    >>> book = np.zeros((5, 5))
    >>> for now, then in [("doug", "saw"), ("saw", "jane"), ("jane", "."), (".", "doug")]:
    ...     book[BOOK_WORDS.index(then), BOOK_WORDS.index(now)] = 1.0
    >>> " ".join(write_book("doug", book, BOOK_WORDS, 8))
    'doug saw jane . doug saw jane .'
    """
    raise NotImplementedError("write write_book")


def elementwise_add(a, b):
    """The LSTM's plus junction: two vectors of the same size added element by element.

    Part 5 of the talk: "you add the first element of one vector to the first element of
    another vector, and then the total goes into the first element of the output vector.
    So 3 plus 6 equals 9; then you go to the next element, 4 plus 7 equals 11".

    >>> elementwise_add(np.array([3.0, 4.0]), np.array([6.0, 7.0]))
    array([ 9., 11.])
    """
    raise NotImplementedError("write elementwise_add")


def elementwise_mul(a, b):
    """The LSTM's times junction: two vectors of the same size multiplied element by element.

    Part 5 of the talk: "it's just like addition except instead of adding you multiply:
    3 times 6 gives you a first element of 18, 4 times 7 gets you 28". The result has the
    size of each input (it is not a dot product).

    >>> elementwise_mul(np.array([3.0, 4.0]), np.array([6.0, 7.0]))
    array([18., 28.])
    """
    raise NotImplementedError("write elementwise_mul")


def gate(signal, gates):
    """A signal let through gates between 0 and 1: ``signal`` times ``gates``, elementwise.

    Part 5 of the talk: a signal flows down a row of pipes, each with a faucet; "an open
    faucet would be a one and a closed faucet would be a zero", and a faucet half open
    lets through a smaller signal. ``signal`` is a number (the same signal in every
    pipe) or a vector as long as ``gates``.

    >>> gate(0.8, np.array([1.0, 0.0, 0.5]))   # passed, blocked, attenuated
    array([0.8, 0. , 0.4])
    """
    raise NotImplementedError("write gate")


def lstm_step(x, prediction, memory, weights):
    """One step of the talk's LSTM: ``(new_prediction, new_memory)``.

    Part 6 of the talk: the new information ``x`` and the last prediction go together,
    ``v = np.concatenate([x, prediction])``, to four small networks, each a weighted sum
    of ``v`` (``weights[name] @ v``):

    - ``"candidate"``: the possible predictions, squashed with tanh (between -1 and 1);
    - ``"ignore"``, ``"forget"`` and ``"select"``: three gates, squashed with the logistic
      function ``1 / (1 + exp(-z))`` (between 0 and 1).

    The ignore gate lets through the candidates that matter now, the forget gate the
    memories worth keeping: ``new_memory = forget * memory + ignore * candidate``
    (elementwise: ``gate`` and ``elementwise_add``). The memory may grow past 1, so it is
    squashed with tanh before the select gate chooses what to release:
    ``new_prediction = select * tanh(new_memory)``.

    With every gate wide open (large weights), the memory adds the candidate, and the
    prediction is the squashed memory:

    >>> w = {"candidate": np.array([[1.0, 0.0]]), "ignore": np.array([[20.0, 0.0]]),
    ...      "forget": np.array([[20.0, 0.0]]), "select": np.array([[20.0, 0.0]])}
    >>> prediction, memory = lstm_step(np.array([1.0]), np.array([0.0]), np.array([0.5]), w)
    >>> memory   # 0.5 + tanh(1)
    array([1.26159416])
    >>> prediction   # tanh(1.2616)
    array([0.851503])
    """
    raise NotImplementedError("write lstm_step")
