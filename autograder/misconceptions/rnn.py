"""Classic slips of the recurrent networks and LSTM talk (one-hot dinners, unrolling, the
children's book, the LSTM's junctions and gates), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("rnn")
one_hot = _ref.one_hot
predict_dinner = _ref.predict_dinner
next_word = _ref.next_word

@misconception("one_hot", "positions are counted from 1: the 1 lands one place too early",
               "Positions count from 0, as in a Python list: sushi is at index 1.")
def one_hot_one_based(index, size):
    return np.eye(size)[index - 1]

@misconception("one_hot", "every element is 1 except the one at index (the one-hot vector turned inside out)")
def one_hot_inverted(index, size):
    return 1 - np.eye(size)[index]

@misconception("predict_dinner", "the weights are read by column, yesterday @ weights: the cycle runs backwards",
               "weights[i][j] goes from dinner j yesterday to dinner i tonight: multiply the weight matrix by "
               "yesterday's vector, rows by the vector.")
def predict_dinner_transposed(yesterday, weights):
    return np.asarray(yesterday, dtype=float) @ np.asarray(weights, dtype=float)

@misconception("predict_dinner", "the weights are multiplied elementwise by yesterday's vector and not summed per row",
               "Each dinner's vote is a weighted sum, its row of weights times yesterday's vector, added up: the "
               "weight matrix times the vector.")
def predict_dinner_elementwise(yesterday, weights):
    return np.asarray(weights, dtype=float) * np.asarray(yesterday, dtype=float)

# The reference unroll_dinners loop; a slip changes the prediction, the night it is made from, or the first row.
def _unroll(known, weights, days, predict=None, before=lambda nights: nights[-1], first=1):
    nights = [np.asarray(known, dtype=float)]
    for _ in range(days):
        nights.append((predict or predict_dinner)(before(nights), weights))
    return np.array(nights[first:first + days]).reshape(days, len(known))

@misconception("unroll_dinners", "the known dinner is the first row: the rows should be the predictions of the nights "
               "after it")
def unroll_dinners_known_first(known, weights, days):
    return _unroll(known, weights, days, first=0)

@misconception("unroll_dinners", "every night is predicted from the known dinner instead of from the previous night's "
               "prediction",
               "Unrolling feeds each prediction back in: each night is predicted from the night before's prediction.")
def unroll_dinners_no_recurrence(known, weights, days):
    return _unroll(known, weights, days, before=lambda nights: nights[0])

@misconception("unroll_dinners", "the weights are read by column (night @ weights): the cycle runs backwards")
def unroll_dinners_transposed(known, weights, days):
    return _unroll(known, weights, days, predict=lambda night, weights: predict_dinner(night, np.transpose(weights)))

# The reference next_word; a slip changes how the best of the votes is picked and answered.
def _next_word(word, weights, vocabulary, pick=lambda votes, vocabulary: vocabulary[int(np.argmax(votes))]):
    return pick(predict_dinner(one_hot(vocabulary.index(word), len(vocabulary)), weights), vocabulary)

@misconception("next_word", "the votes are read from the word's row of weights instead of its column",
               "The word votes as yesterday's dinner does: the weight matrix times the word's one-hot vector, rows by "
               "the vector, which picks the word's column.")
def next_word_row(word, weights, vocabulary):
    return _next_word(word, np.transpose(weights), vocabulary)

@misconception("next_word", "the last of the tied words wins: the first one should (as np.argmax picks)")
def next_word_last_of_ties(word, weights, vocabulary):
    return _next_word(word, weights, vocabulary,
                      pick=lambda votes, vocabulary: vocabulary[len(votes) - 1 - int(np.argmax(votes[::-1]))])

@misconception("next_word", "the position of the best word is returned instead of the word",
               "Return the word of the vocabulary at that position, not the position.")
def next_word_index(word, weights, vocabulary):
    return _next_word(word, weights, vocabulary, pick=lambda votes, vocabulary: int(np.argmax(votes)))

# The reference write_book loop; a slip changes the word each word follows, the words written, or the first kept.
def _write_book(first_word, weights, vocabulary, length, before=lambda story: story[-1], extra=0, first=0):
    story = [first_word]
    while len(story) < length + extra:
        story.append(next_word(before(story), weights, vocabulary))
    return story[first:length + extra]

@misconception("write_book", "every word is the next_word of the first word, not of the word just written")
def write_book_stuck(first_word, weights, vocabulary, length):
    return _write_book(first_word, weights, vocabulary, length, before=lambda story: story[0])

@misconception("write_book", "the story leaves out first_word and starts at the word after it",
               "first_word is the first of the length words.")
def write_book_skips_first(first_word, weights, vocabulary, length):
    return _write_book(first_word, weights, vocabulary, length, extra=1, first=1)

@misconception("write_book", "the story has one word too many: length words after first_word",
               "The story has length words, first_word included.")
def write_book_one_extra(first_word, weights, vocabulary, length):
    return _write_book(first_word, weights, vocabulary, length, extra=1)

@misconception("elementwise_add", "the two vectors are joined end to end (concatenated) instead of added")
def elementwise_add_concatenates(a, b):
    return np.concatenate([a, b])

@misconception("elementwise_add", "the elements are all added into one number instead of element by element")
def elementwise_add_total(a, b):
    return float(np.sum(a) + np.sum(b))

@misconception("elementwise_mul", "the products are added up (a dot product) instead of kept element by element")
def elementwise_mul_dot(a, b):
    return float(np.dot(a, b))

@misconception("gate", "the gates are flipped: 1 - gates, as if 1 were a closed faucet",
               "An open faucet is 1 and lets the signal through.")
def gate_flipped(signal, gates):
    return signal * (1 - np.asarray(gates, dtype=float))

@misconception("gate", "the signal is added to the gates instead of multiplied by them")
def gate_added(signal, gates):
    return signal + np.asarray(gates, dtype=float)

# The logistic function, which squashes the LSTM's gates.
def _logistic(z):
    return 1 / (1 + np.exp(-z))

# The reference lstm_step; a slip changes v's parts, the candidate's squash, the memory's mix, release or order.
def _lstm_step(x, prediction, memory, weights, parts=lambda x, prediction: (x, prediction), squash=np.tanh,
               mix=lambda memory, forget, candidate, ignore: forget * memory + ignore * candidate,
               release=np.tanh, answer=lambda new_prediction, new_memory: (new_prediction, new_memory)):
    v = np.concatenate(parts(x, prediction))
    candidate = squash(weights["candidate"] @ v)
    ignore, forget, select = (_logistic(weights[name] @ v) for name in ("ignore", "forget", "select"))
    new_memory = mix(memory, forget, candidate, ignore)
    return answer(select * release(new_memory), new_memory)

@misconception("lstm_step", "the forget and ignore gates are swapped: the ignore gate multiplies the memory and the "
               "forget gate the candidate",
               "The new memory is the forget gate times the old memory plus the ignore gate times the candidate.")
def lstm_step_gates_swapped(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights,
                      mix=lambda memory, forget, candidate, ignore: ignore * memory + forget * candidate)

@misconception("lstm_step", "the ignore gate is applied to the memory instead of the candidate, which goes in ungated",
               "The ignore gate filters what comes in: the new memory is the forget gate times the old memory plus the "
               "ignore gate times the candidate.")
def lstm_step_gate_on_memory(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights,
                      mix=lambda memory, forget, candidate, ignore: forget * ignore * memory + candidate)

@misconception("lstm_step", "tanh is missing before the select gate: the memory is released unsquashed",
               "The new prediction is the select gate times the new memory squashed by tanh.")
def lstm_step_no_tanh(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights, release=lambda new_memory: new_memory)

@misconception("lstm_step", "the candidate is squashed with the logistic function instead of tanh",
               "The candidate is its weighted sum squashed by tanh, between -1 and 1, so that it can vote against a "
               "word; only the gates use the logistic function.")
def lstm_step_logistic_candidate(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights, squash=_logistic)

@misconception("lstm_step", "v is built as concatenate([prediction, x]): the last prediction comes before the new "
               "information", "v is the new information x followed by the last prediction.")
def lstm_step_v_swapped(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights, parts=lambda x, prediction: (prediction, x))

@misconception("lstm_step", "the two values are returned in the wrong order: (new_memory, new_prediction)")
def lstm_step_order(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights,
                      answer=lambda new_prediction, new_memory: (new_memory, new_prediction))
