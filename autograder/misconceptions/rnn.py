"""Classic slips of the recurrent networks and LSTM talk (one-hot dinners, unrolling, the
children's book, the LSTM's junctions and gates), as the grader recognises them."""

import numpy as np

from ..reference import load

_ref = load("rnn")
one_hot = _ref.one_hot
predict_dinner = _ref.predict_dinner
next_word = _ref.next_word

def one_hot_one_based(index, size):
    return np.eye(size)[index - 1]

def one_hot_inverted(index, size):
    return 1 - np.eye(size)[index]

def predict_dinner_transposed(yesterday, weights):
    return np.asarray(yesterday, dtype=float) @ np.asarray(weights, dtype=float)

def predict_dinner_elementwise(yesterday, weights):
    return np.asarray(weights, dtype=float) * np.asarray(yesterday, dtype=float)

# The reference unroll_dinners loop; a slip changes the prediction, the night it is made from, or the first row.
def _unroll(known, weights, days, predict=None, before=lambda nights: nights[-1], first=1):
    nights = [np.asarray(known, dtype=float)]
    for _ in range(days):
        nights.append((predict or predict_dinner)(before(nights), weights))
    return np.array(nights[first:first + days]).reshape(days, len(known))

def unroll_dinners_known_first(known, weights, days):
    return _unroll(known, weights, days, first=0)

def unroll_dinners_no_recurrence(known, weights, days):
    return _unroll(known, weights, days, before=lambda nights: nights[0])

def unroll_dinners_transposed(known, weights, days):
    return _unroll(known, weights, days, predict=lambda night, weights: predict_dinner(night, np.transpose(weights)))

# The reference next_word; a slip changes how the best of the votes is picked and answered.
def _next_word(word, weights, vocabulary, pick=lambda votes, vocabulary: vocabulary[int(np.argmax(votes))]):
    return pick(predict_dinner(one_hot(vocabulary.index(word), len(vocabulary)), weights), vocabulary)

def next_word_row(word, weights, vocabulary):
    return _next_word(word, np.transpose(weights), vocabulary)

def next_word_last_of_ties(word, weights, vocabulary):
    return _next_word(word, weights, vocabulary,
                      pick=lambda votes, vocabulary: vocabulary[len(votes) - 1 - int(np.argmax(votes[::-1]))])

def next_word_index(word, weights, vocabulary):
    return _next_word(word, weights, vocabulary, pick=lambda votes, vocabulary: int(np.argmax(votes)))

# The reference write_book loop; a slip changes the word each word follows, the words written, or the first kept.
def _write_book(first_word, weights, vocabulary, length, before=lambda story: story[-1], extra=0, first=0):
    story = [first_word]
    while len(story) < length + extra:
        story.append(next_word(before(story), weights, vocabulary))
    return story[first:length + extra]

def write_book_stuck(first_word, weights, vocabulary, length):
    return _write_book(first_word, weights, vocabulary, length, before=lambda story: story[0])

def write_book_skips_first(first_word, weights, vocabulary, length):
    return _write_book(first_word, weights, vocabulary, length, extra=1, first=1)

def write_book_one_extra(first_word, weights, vocabulary, length):
    return _write_book(first_word, weights, vocabulary, length, extra=1)

def elementwise_add_concatenates(a, b):
    return np.concatenate([a, b])

def elementwise_add_total(a, b):
    return float(np.sum(a) + np.sum(b))

def elementwise_mul_dot(a, b):
    return float(np.dot(a, b))

def gate_flipped(signal, gates):
    return signal * (1 - np.asarray(gates, dtype=float))

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

def lstm_step_gates_swapped(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights,
                      mix=lambda memory, forget, candidate, ignore: ignore * memory + forget * candidate)

def lstm_step_gate_on_memory(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights,
                      mix=lambda memory, forget, candidate, ignore: forget * ignore * memory + candidate)

def lstm_step_no_tanh(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights, release=lambda new_memory: new_memory)

def lstm_step_logistic_candidate(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights, squash=_logistic)

def lstm_step_v_swapped(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights, parts=lambda x, prediction: (prediction, x))

def lstm_step_order(x, prediction, memory, weights):
    return _lstm_step(x, prediction, memory, weights,
                      answer=lambda new_prediction, new_memory: (new_memory, new_prediction))
