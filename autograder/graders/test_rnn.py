"""Grader of the recurrent networks and LSTM talk (course document 003).

Each test is one check of one exercise (see ``autograder.grading.plugin``): the talk's
one reproducible trace (its plus and times junctions and its gated 0.8 signal), the
behaviour the talk describes where it gives no number (weights that encode the cycle
predict sushi after pizza and keep cycling over two unknown weeks; the children's book
network writes its sentence, and the talk's one-step network writes "doug saw doug"; a
forget gate of 0 empties the memory, a select gate of 0 releases nothing, and the talk's
LSTM walkthrough predicts "jane" and "spot" but not "doug" after "doug saw"), and fresh
randomized cases compared with the reference solution. Vectors and matrices arrive as
float arrays; the talk's weights are the kit's (``autograder.data.rnn_talk``), since the
talk only describes them.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/rnn/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.data import rnn_talk as talk
from autograder.grading import StudentProblem, check
from autograder.grading.compare import fmt
from autograder.grading.data import uniform

# check -> the slip it catches (variants proving it).
FIXED_CASES = {
    "one_hot_sushi": "indices counted from 1 (one_hot_one_based)",
    "one_hot_every_dinner": "the same, on every dinner of the cycle (one_hot_one_based)",
    "predict_dinner_cycle": "yesterday @ weights: the weights read transposed (predict_dinner_transposed)",
    "predict_dinner_whole_cycle": "the same, on the whole cycle (predict_dinner_transposed)",
    "unroll_dinners_two_weeks": "each night predicted from the known dinner, not the previous night "
                                "(unroll_dinners_no_recurrence)",
    "unroll_dinners_one_night": "the known dinner counted as the first night (unroll_dinners_known_first)",
    "next_word_sentence": "the word's row read instead of its column (next_word_row)",
    "next_word_tie": "the last of the tied words (next_word_last_of_ties)",
    "write_book_sentence": "a story stuck on its first prediction (write_book_stuck)",
    "write_book_talk_mistake": "the same, on the talk's one-step network (write_book_stuck)",
    "write_book_one_word": "the first word skipped (write_book_skips_first)",
    "elementwise_add_talk": "the lists concatenated (list + list) (elementwise_add_concatenates)",
    "elementwise_mul_talk": "a dot product instead of elementwise products (elementwise_mul_dot)",
    "gate_talk": "the gates flipped (1 - gate) (gate_flipped)",
    "lstm_step_forget_closed": "the forget and ignore gates swapped (lstm_step_gates_swapped)",
    "lstm_step_memory_kept": "the select gate applied to the memory (lstm_step_gate_on_memory)",
    "lstm_step_select_closed": "the prediction made from the old memory (lstm_step_old_memory)",
    "lstm_step_book": "no tanh on the memory released (lstm_step_no_tanh)",
}

RANDOM_CASES = range(3)
EXACT = {"abs": 1e-9, "rel": 1e-9}
PIZZA = np.array([1.0, 0.0, 0.0])


def dinner_names(rows):
    """The dinner each row of predictions votes for most, for the messages."""
    return ", ".join(talk.DINNERS[int(np.argmax(r))] for r in rows)


# ------------------------------------------------------------------ one_hot


def one_hot_slips(index, size):
    slips = [(1 - np.eye(size)[index], "Every element is 1 but the one at index: the one-hot vector is all "
                                       "zeros except a single 1.")]
    if index >= 1:
        slips.append((np.eye(size)[index - 1], "The 1 is one place too early: positions count from 0, as in "
                                               "a Python list (sushi is at index 1)."))
    if index + 1 < size:
        slips.append((np.eye(size)[index + 1], "The 1 is one place too late: positions count from 0 (pizza "
                                               "is at index 0)."))
    return slips


@check("one_hot", rule="sushi, second of pizza, sushi, waffles, is [0, 1, 0]")
def test_one_hot_sushi(student, expect):
    expect.close(student.one_hot(1, 3), [0.0, 1.0, 0.0], tol=EXACT, slips=one_hot_slips(1, 3))


@check("one_hot", rule="every dinner of the cycle, one 1 among zeros")
def test_one_hot_every_dinner(student, expect):
    got = [student.one_hot(i, 3) for i in range(3)]
    expect.close(got, np.eye(3), tol=EXACT, what="[one_hot(i, 3) for i in 0, 1, 2]")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("one_hot", randomized=True)
def test_one_hot_random(student, expect, ref, rng, case):
    size = int(rng.integers(2, 9))
    index = int(rng.integers(0, size))
    expect.close(student.one_hot(index, size), ref.one_hot(index, size), slips=one_hot_slips(index, size))


# ------------------------------------------------------------------ predict_dinner


def predict_slips(yesterday, weights):
    return [(np.asarray(yesterday) @ np.asarray(weights),
             "That reads the weights by column (yesterday @ weights): weights[i][j] goes from dinner j yesterday "
             "to dinner i tonight, so tonight's votes are weights @ yesterday.")]


@check("predict_dinner", rule="pizza yesterday: sushi tonight")
def test_predict_dinner_cycle(student, expect):
    got = student.predict_dinner(PIZZA, talk.CYCLE)
    expect.close(got, [0.0, 1.0, 0.0], tol=EXACT, slips=predict_slips(PIZZA, talk.CYCLE),
                 what="predict_dinner(pizza, the cycle's weights)")


@check("predict_dinner", rule="the cycle's weights: pizza, sushi, waffles, then pizza again")
def test_predict_dinner_whole_cycle(student, expect):
    got = [student.predict_dinner(np.eye(3)[i], talk.CYCLE) for i in range(3)]
    expect.close(got, [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]], tol=EXACT,
                 what="predict_dinner(d, the cycle's weights) for pizza, sushi, waffles",
                 slips=[([np.eye(3)[i] @ talk.CYCLE for i in range(3)], predict_slips(PIZZA, talk.CYCLE)[0][1])])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("predict_dinner", randomized=True)
def test_predict_dinner_random(student, expect, ref, rng, case):
    size = [3, 4, 3][case]
    yesterday = uniform(rng, (size,), 0, 1)  # a prediction, not a one-hot dinner
    weights = uniform(rng, (size, size))
    expect.close(student.predict_dinner(yesterday, weights), ref.predict_dinner(yesterday, weights),
                 slips=predict_slips(yesterday, weights))


# ------------------------------------------------------------------ unroll_dinners


def unroll_slips(known, weights, days):
    known = np.asarray(known, dtype=float)
    nights, again, back = [], [], []
    night = known
    for _ in range(days):
        back.append(night)
        night = weights @ night
        nights.append(night)
        again.append(weights @ known)
    return [
        (back, "The first row is the known dinner itself: the rows are the predictions for the %d nights "
               "after it." % days),
        (again, "Every night was predicted from the known dinner: each night is predicted from the "
                "previous night's prediction."),
        ([known @ np.linalg.matrix_power(weights, d + 1) for d in range(days)],
         "That reads the weights by column (night @ weights): tonight's votes are weights @ last night."),
    ]


@check("unroll_dinners", rule="two weeks away after pizza: sushi, waffles, pizza ... in a cycle")
def test_unroll_dinners_two_weeks(student, expect):
    got = student.unroll_dinners(PIZZA, talk.CYCLE, 14)
    want = np.array([np.eye(3)[(n + 1) % 3] for n in range(14)])
    try:
        shown = dinner_names(np.asarray(got, dtype=float).reshape(-1, 3)[:4])
    except (TypeError, ValueError):
        shown = None
    expect.close(got, want, tol=EXACT, slips=unroll_slips(PIZZA, talk.CYCLE, 14),
                 what="unroll_dinners(pizza, the cycle's weights, 14)%s"
                 % (" (the first nights: %s...)" % shown if shown else ""))


@check("unroll_dinners", rule="one night away is predict_dinner of the known dinner")
def test_unroll_dinners_one_night(student, expect):
    known = np.array([0.0, 0.0, 1.0])  # waffles
    expect.close(student.unroll_dinners(known, talk.CYCLE, 1), [[1.0, 0.0, 0.0]], tol=EXACT,
                 slips=unroll_slips(known, talk.CYCLE, 1)[1:])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("unroll_dinners", randomized=True)
def test_unroll_dinners_random(student, expect, ref, rng, case):
    known = np.eye(3)[int(rng.integers(0, 3))]
    weights = uniform(rng, (3, 3), -0.8, 0.8)
    days = [5, 2, 9][case]
    try:
        got = student.unroll_dinners(known, weights, days)
    except StudentProblem as problem:
        problem.explain_error("Here the weights are not a cycle (any 3x3 matrix) and days is %d." % days)
        raise
    expect.close(got, ref.unroll_dinners(known, weights, days), slips=unroll_slips(known, weights, days))


# ------------------------------------------------------------------ next_word


def expect_words(expect, got, want, what, slips=()):
    """Pass when the learner's word (or list of words) is ``want``; else say how it differs."""
    record = expect._record  # the report's cells show the words
    record.expected, record.got = fmt(want), fmt(got)
    same = got == want if isinstance(want, str) else isinstance(got, (list, tuple)) and list(got) == list(want)
    if same:
        return
    source = record.source if record.source.startswith("catalogue") else \
        "randomized case, compared with the reference solution"
    message = "%s returned %s, expected %s (%s)." % (what, fmt(got, 80), fmt(want, 80), source)
    if isinstance(want, str) and not isinstance(got, str):
        message += " Return the word itself (a string of the vocabulary), not its position or its votes."
    for value, explanation in slips:
        if got == value or (isinstance(got, (list, tuple)) and list(got) == value):
            message += " " + explanation
            record.slip = explanation
            break
    expect.true(False, message)


def word_slips(word, weights, vocabulary, want):
    weights = np.asarray(weights, dtype=float)
    votes = weights[:, vocabulary.index(word)]
    top = np.flatnonzero(votes == votes.max())
    slips = [(vocabulary[int(np.argmax(weights[vocabulary.index(word)]))],
              "That reads the votes from the word's row: the votes come from its column (weights @ one_hot), "
              "as in predict_dinner."),
             (vocabulary[int(np.argmin(votes))], "That is the word with the lowest vote: take the highest.")]
    if len(top) > 1:
        slips.insert(0, (vocabulary[int(top[-1])], "The votes tie; the first of the tied words in the "
                                                   "vocabulary wins (as np.argmax picks), not the last."))
    return [(value, text) for value, text in slips if value != want]


@check("next_word", rule="the book's weights: doug votes for saw, saw for jane")
def test_next_word_sentence(student, expect):
    weights = talk.sentence_weights()
    got = [student.next_word(w, weights, list(talk.BOOK_WORDS)) for w in ("doug", "saw", "jane", ".")]
    expect_words(expect, got, ["saw", "jane", ".", "doug"],
                 "next_word(w, the book's weights, BOOK_WORDS) for doug, saw, jane and '.'",
                 slips=[([word_slips(w, weights, talk.BOOK_WORDS, None)[0][0] for w in ("doug", "saw", "jane", ".")],
                         word_slips("doug", weights, talk.BOOK_WORDS, None)[0][1])])


@check("next_word", rule="on a tie the first of the tied words wins: after saw, doug")
def test_next_word_tie(student, expect):
    weights = talk.talk_rnn_weights()
    got = student.next_word("saw", weights, list(talk.BOOK_WORDS))
    expect_words(expect, got, "doug", "next_word('saw', the talk's network, BOOK_WORDS) (saw votes for every "
                 "name alike)", slips=word_slips("saw", weights, talk.BOOK_WORDS, "doug"))


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("next_word", randomized=True)
def test_next_word_random(student, expect, ref, rng, case):
    vocabulary = [["cat", "sat", "on", "the", "mat", "."], ["a", "b", "c"], ["x", "y", "z", "w"]][case]
    weights = uniform(rng, (len(vocabulary), len(vocabulary)))
    word = vocabulary[int(rng.integers(0, len(vocabulary)))]
    got = student.next_word(word, weights, list(vocabulary))
    want = ref.next_word(word, weights, list(vocabulary))
    expect_words(expect, got, want, "next_word(%r, random weights, %s)" % (word, vocabulary),
                 slips=word_slips(word, weights, vocabulary, want))


# ------------------------------------------------------------------ write_book


def story_slips(first, weights, vocabulary, length, ref):
    want = ref.write_book(first, weights, vocabulary, length)
    stuck = [first] + [ref.next_word(first, weights, vocabulary)] * (length - 1)
    slips = [
        (stuck, "Each word is the next_word of the word just written, not of the first word."),
        (want[1:] + [ref.next_word(want[-1], weights, vocabulary)],
         "The story starts with first_word itself: it is the first of the %d words." % length),
        (ref.write_book(first, weights, vocabulary, length + 1), "The story has %d words, first_word included, "
                                                                 "not %d." % (length, length + 1)),
    ]
    if length > 1:
        slips.append((want[:-1], "The story has %d words, first_word included, not %d." % (length, length - 1)))
    return [(value, text) for value, text in slips if value != want]


def _story_case(student, expect, ref, first, weights, which, length, want):
    words = list(talk.BOOK_WORDS)
    got = student.write_book(first, weights, words, length)
    expect_words(expect, got, want.split(), "write_book(%r, %s, BOOK_WORDS, %d)" % (first, which, length),
                 slips=story_slips(first, weights, words, length, ref))


@check("write_book", rule="the book's weights write 'doug saw jane.' again and again")
def test_write_book_sentence(student, expect, ref):
    _story_case(student, expect, ref, "doug", talk.sentence_weights(), "the book's weights", 9,
                "doug saw jane . doug saw jane . doug")


@check("write_book", rule="the talk's one-step network writes 'doug saw doug': it looks back one word")
def test_write_book_talk_mistake(student, expect, ref):
    _story_case(student, expect, ref, "doug", talk.talk_rnn_weights(), "the talk's network", 5,
                "doug saw doug saw doug")


@check("write_book", rule="a story of one word is the first word")
def test_write_book_one_word(student, expect, ref):
    _story_case(student, expect, ref, "spot", talk.sentence_weights(), "the book's weights", 1, "spot")


@pytest.mark.parametrize("case", range(2))
@check("write_book", randomized=True)
def test_write_book_random(student, expect, ref, rng, case):
    vocabulary = [["the", "cat", "sat", "on", "mat", "."], ["x", "y", "z", "w"]][case]
    weights = uniform(rng, (len(vocabulary), len(vocabulary)))
    first = vocabulary[int(rng.integers(0, len(vocabulary)))]
    length = [7, 4][case]
    got = student.write_book(first, weights, list(vocabulary), length)
    expect_words(expect, got, ref.write_book(first, weights, list(vocabulary), length),
                 "write_book(%r, random weights, %s, %d)" % (first, vocabulary, length),
                 slips=story_slips(first, weights, vocabulary, length, ref))


# ------------------------------------------------------------------ elementwise_add, elementwise_mul, gate


@check("elementwise_add", trace="RNN.elementwise")
def test_elementwise_add_talk(student, expect, trace):
    t = trace("RNN.elementwise")
    a, b = np.array(t.inputs["a"], dtype=float), np.array(t.inputs["b"], dtype=float)
    expect.close(student.elementwise_add(a, b), t.value[0], tol=t.tolerance, slips=[
        (np.concatenate([a, b]), "That joins the vectors end to end: add them element by element (+ on arrays)."),
        (float(np.sum(a + b)), "That is the total of all the elements: the result is a vector as long as each input."),
    ])


@pytest.mark.parametrize("case", range(2))
@check("elementwise_add", randomized=True)
def test_elementwise_add_random(student, expect, ref, rng, case):
    a, b = uniform(rng, (5,), -3, 3), uniform(rng, (5,), -3, 3)
    expect.close(student.elementwise_add(a, b), ref.elementwise_add(a, b))


@check("elementwise_mul", trace="RNN.elementwise")
def test_elementwise_mul_talk(student, expect, trace):
    t = trace("RNN.elementwise")
    a, b = np.array(t.inputs["a"], dtype=float), np.array(t.inputs["b"], dtype=float)
    expect.close(student.elementwise_mul(a, b), t.value[1], tol=t.tolerance, slips=[
        (float(a @ b), "That is the dot product (3 * 6 + 4 * 7 = 46): the times junction keeps each product, "
                       "[18, 28]."),
    ])


@pytest.mark.parametrize("case", range(2))
@check("elementwise_mul", randomized=True)
def test_elementwise_mul_random(student, expect, ref, rng, case):
    a, b = uniform(rng, (4,), -3, 3), uniform(rng, (4,), -3, 3)
    expect.close(student.elementwise_mul(a, b), ref.elementwise_mul(a, b),
                 slips=[(float(a @ b), "That is the dot product: multiply element by element and keep each product.")])


def gate_slips(signal, gates):
    signal = np.broadcast_to(np.asarray(signal, dtype=float), np.shape(gates))
    gates = np.asarray(gates, dtype=float)
    return [
        (signal * (1 - gates), "The gates are flipped: a gate of 1 is an open faucet and lets the signal through, "
                               "0 blocks it."),
        (signal + gates, "The signal was added to the gates: a gate multiplies the signal."),
        (gates, "That is the gates alone: multiply them by the signal."),
    ]


@check("gate", trace="RNN.elementwise")
def test_gate_talk(student, expect, trace):
    t = trace("RNN.elementwise")
    gates = np.array(t.inputs["gates"], dtype=float)
    expect.close(student.gate(float(t.inputs["signal"]), gates), t.value[2], tol=t.tolerance,
                 slips=gate_slips(t.inputs["signal"], gates),
                 what="gate(0.8, [1, 0, 0.5]) (a signal of 0.8 through an open, a closed and a half-open faucet)")


@pytest.mark.parametrize("case", range(2))
@check("gate", randomized=True)
def test_gate_random(student, expect, ref, rng, case):
    gates = uniform(rng, (5,), 0, 1)
    signal = uniform(rng, (5,), -1, 1) if case == 0 else uniform(rng, (), -1, 1)
    expect.close(student.gate(signal, gates), ref.gate(signal, gates), slips=gate_slips(signal, gates))


# ------------------------------------------------------------------ lstm_step


PARTS = ("new_prediction", "new_memory")


def lstm_slips(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    swapped_v = np.concatenate([prediction, x])

    def logistic(z):
        return 1 / (1 + np.exp(-z))

    def run(v, fix=None):
        c = np.tanh(weights["candidate"] @ v)
        i, f, s = (logistic(weights[g] @ v) for g in ("ignore", "forget", "select"))
        return fix(c, i, f, s) if fix else (s * np.tanh(f * memory + i * c), f * memory + i * c)

    slips = [
        (run(v, lambda c, i, f, s: (s * np.tanh(i * memory + f * c), i * memory + f * c)),
         "The forget and ignore gates are swapped: the forget gate multiplies the old memory, the ignore gate "
         "the candidate."),
        (run(v, lambda c, i, f, s: (s * np.tanh(f * i * memory + c), f * i * memory + c)),
         "The ignore gate multiplies the memory instead of the candidate: new_memory = forget * memory + "
         "ignore * candidate."),
        (run(v, lambda c, i, f, s: (s * (f * memory + i * c), f * memory + i * c)),
         "tanh is missing before the select gate: new_prediction = select * tanh(new_memory)."),
        (run(v, lambda c, i, f, s: (f * memory + i * c, s * np.tanh(f * memory + i * c))),
         "The two values are returned in the wrong order: (new_prediction, new_memory)."),
        (run(v, lambda c, i, f, s: (s * np.tanh(f * memory + i * logistic(weights["candidate"] @ v)),
                                    f * memory + i * logistic(weights["candidate"] @ v))),
         "The candidate was squashed with the logistic function: it is the tanh of the candidate "
         "network's weighted sum, between -1 and 1, so that it can vote against a word."),
    ]
    if len(x) == len(prediction):
        slips.append((run(swapped_v), "v was built as concatenate([prediction, x]): the new information comes "
                                      "first, v = concatenate([x, prediction])."))
    return slips


def _gate_weights(size, inputs, ignore, forget, select, rng):
    """LSTM weights whose gates are (nearly exactly) open (+) or closed (-) for any one-hot x."""
    def fixed(sign):
        w = np.zeros((size, inputs + size))
        w[:, :inputs] = 50.0 * sign  # one-hot x: the weighted sum is +-50, the gate 1 or 2e-22
        return w

    return {"candidate": uniform(rng, (size, inputs + size), -1, 1), "ignore": fixed(ignore),
            "forget": fixed(forget), "select": fixed(select)}


def _step(student, x, prediction, memory, weights):
    try:
        return student.lstm_step(x, prediction, memory, weights)
    except StudentProblem as problem:
        problem.explain_error("Here x has %d elements, prediction and memory %d each, and each weight matrix has "
                              "shape %s." % (len(x), len(memory), weights["candidate"].shape))
        raise


def _gated_case(student, expect, ref, rng, word, memory, **gates):
    """One step with each gate held open (+1) or closed (-1), compared with the reference."""
    x, prediction, memory = np.eye(3)[word], uniform(rng, (4,), -1, 1), np.array(memory)
    weights = _gate_weights(4, 3, rng=rng, **gates)
    got = _step(student, x, prediction, memory, weights)
    expect.close(got, ref.lstm_step(x, prediction, memory, weights), tol=EXACT, parts=PARTS,
                 slips=lstm_slips(x, prediction, memory, weights))


@check("lstm_step", rule="a forget gate of 0 empties the memory: only the new candidate is left")
def test_lstm_step_forget_closed(student, expect, ref, rng):
    _gated_case(student, expect, ref, rng, 1, [2.0, -1.5, 0.7, 3.0], ignore=+1, forget=-1, select=+1)


@check("lstm_step", rule="a forget gate of 1 and an ignore gate of 0 keep the memory as it was")
def test_lstm_step_memory_kept(student, expect, ref, rng):
    _gated_case(student, expect, ref, rng, 2, [2.0, -1.5, 0.7, 0.2], ignore=-1, forget=+1, select=+1)


@check("lstm_step", rule="a select gate of 0 releases no prediction, whatever the memory")
def test_lstm_step_select_closed(student, expect, ref, rng):
    _gated_case(student, expect, ref, rng, 0, [2.0, -1.5, 0.7, 3.0], ignore=+1, forget=+1, select=-1)


@check("lstm_step", rule="the talk's walkthrough: after 'doug saw' the LSTM predicts jane and spot, not doug")
def test_lstm_step_book(student, expect, ref):
    weights = talk.book_lstm_weights()
    words = ["jane", "saw", "spot", ".", "doug", "saw"]
    got_p, got_m = np.zeros(5), np.zeros(5)
    want_p, want_m = np.zeros(5), np.zeros(5)
    got_rows, want_rows = [], []
    for word in words:
        x = np.eye(5)[talk.BOOK_WORDS.index(word)]
        want_p, want_m = ref.lstm_step(x, want_p, want_m, weights)
        answer = _step(student, x, got_p, got_m, weights)
        try:
            got_p, got_m = (np.asarray(a, dtype=float).reshape(5) for a in answer)
        except (TypeError, ValueError):
            expect.close(answer, (want_p, want_m), parts=PARTS, what="lstm_step(%r, ...) of the book" % word)
        got_rows.append(got_p)
        want_rows.append(want_p)
    expect.close(got_rows, want_rows, tol={"abs": 1e-6},
                 what="the predictions of lstm_step over 'jane saw spot . doug saw' (the talk's LSTM, each step "
                      "fed the prediction and memory of the step before)")
    last = got_rows[-1]
    expect.true(last[1] > last[0] + 0.5 and last[2] > last[0] + 0.5,
                "After 'doug saw' the prediction is %s: jane and spot should be well above doug." % np.round(last, 3))


@pytest.mark.parametrize("case", range(4))
@check("lstm_step", randomized=True)
def test_lstm_step_random(student, expect, ref, rng, case):
    inputs, size = [(3, 3), (2, 4), (5, 2), (4, 4)][case]
    x = np.eye(inputs)[int(rng.integers(0, inputs))] if case % 2 == 0 else uniform(rng, (inputs,), -1, 1)
    prediction, memory = uniform(rng, (size,), -1, 1), uniform(rng, (size,), -2, 2)
    weights = {name: uniform(rng, (size, inputs + size), -2, 2) for name in ("candidate", "ignore", "forget", "select")}
    got = _step(student, x, prediction, memory, weights)
    expect.close(got, ref.lstm_step(x, prediction, memory, weights), parts=PARTS,
                 slips=lstm_slips(x, prediction, memory, weights))
