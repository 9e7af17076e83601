"""Classic slips of the recurrent networks and LSTM talk (one-hot dinners, unrolling, the
children's book, the LSTM's junctions and gates), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("rnn")
one_hot = _ref.one_hot
predict_dinner = _ref.predict_dinner
next_word = _ref.next_word


# ------------------------------------------------------------------ one_hot


@misconception("one_hot", "positions are counted from 1: the 1 lands one place too early",
               "Positions count from 0, as in a Python list: sushi is at index 1.")
def one_hot_one_based(index, size):
    vector = np.zeros(size)
    vector[index - 1] = 1.0
    return vector


@misconception("one_hot", "every element is 1 except the one at index (the one-hot vector turned inside out)")
def one_hot_inverted(index, size):
    vector = np.ones(size)
    vector[index] = 0.0
    return vector


# ------------------------------------------------------------------ predict_dinner


@misconception("predict_dinner", "the weights are read by column, yesterday @ weights: the cycle runs backwards",
               "weights[i][j] goes from dinner j yesterday to dinner i tonight: multiply the weight "
               "matrix by yesterday's vector, rows by the vector.")
def predict_dinner_transposed(yesterday, weights):
    return np.asarray(yesterday, dtype=float) @ np.asarray(weights, dtype=float)


@misconception("predict_dinner", "the weights are multiplied elementwise by yesterday's vector and not summed "
               "per row", "Each dinner's vote is a weighted sum, its row of weights times yesterday's "
               "vector, added up: the weight matrix times the vector.")
def predict_dinner_elementwise(yesterday, weights):
    return np.asarray(weights, dtype=float) * np.asarray(yesterday, dtype=float)


# ------------------------------------------------------------------ unroll_dinners


@misconception("unroll_dinners", "the known dinner is the first row: the rows should be the predictions of the "
               "nights after it")
def unroll_dinners_known_first(known, weights, days):
    rows = []
    night = np.asarray(known, dtype=float)
    for _ in range(days):
        rows.append(night)
        night = predict_dinner(night, weights)
    return np.array(rows).reshape(days, len(night))


@misconception("unroll_dinners", "every night is predicted from the known dinner instead of from the previous "
               "night's prediction",
               "Unrolling feeds each prediction back in: each night is predicted from the night "
               "before's prediction.")
def unroll_dinners_no_recurrence(known, weights, days):
    return np.array([predict_dinner(known, weights) for _ in range(days)]).reshape(days, len(known))


@misconception("unroll_dinners", "the weights are read by column (night @ weights): the cycle runs backwards")
def unroll_dinners_transposed(known, weights, days):
    rows = []
    night = np.asarray(known, dtype=float)
    for _ in range(days):
        night = night @ np.asarray(weights, dtype=float)
        rows.append(night)
    return np.array(rows).reshape(days, len(known))


# ------------------------------------------------------------------ next_word


@misconception("next_word", "the votes are read from the word's row of weights instead of its column",
               "The word votes as yesterday's dinner does: the weight matrix times the word's one-hot "
               "vector, rows by the vector, which picks the word's column.")
def next_word_row(word, weights, vocabulary):
    votes = np.asarray(weights, dtype=float)[vocabulary.index(word)]
    return vocabulary[int(np.argmax(votes))]


@misconception("next_word", "the last of the tied words wins: the first one should (as np.argmax picks)")
def next_word_last_of_ties(word, weights, vocabulary):
    votes = predict_dinner(one_hot(vocabulary.index(word), len(vocabulary)), weights)
    best = 0
    for i in range(len(votes)):
        if votes[i] >= votes[best]:
            best = i
    return vocabulary[best]


@misconception("next_word", "the position of the best word is returned instead of the word",
               "Return the word of the vocabulary at that position, not the position.")
def next_word_index(word, weights, vocabulary):
    votes = predict_dinner(one_hot(vocabulary.index(word), len(vocabulary)), weights)
    return int(np.argmax(votes))


# ------------------------------------------------------------------ write_book


@misconception("write_book", "every word is the next_word of the first word, not of the word just written")
def write_book_stuck(first_word, weights, vocabulary, length):
    story = [first_word]
    while len(story) < length:
        story.append(next_word(first_word, weights, vocabulary))
    return story


@misconception("write_book", "the story leaves out first_word and starts at the word after it",
               "first_word is the first of the length words.")
def write_book_skips_first(first_word, weights, vocabulary, length):
    story = []
    word = first_word
    for _ in range(length):
        word = next_word(word, weights, vocabulary)
        story.append(word)
    return story


@misconception("write_book", "the story has one word too many: length words after first_word",
               "The story has length words, first_word included.")
def write_book_one_extra(first_word, weights, vocabulary, length):
    story = [first_word]
    for _ in range(length):
        story.append(next_word(story[-1], weights, vocabulary))
    return story


# ------------------------------------------------------------------ elementwise_add, elementwise_mul, gate


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


# ------------------------------------------------------------------ lstm_step


@misconception("lstm_step", "the forget and ignore gates are swapped: the ignore gate multiplies the memory and "
               "the forget gate the candidate",
               "The new memory is the forget gate times the old memory plus the ignore gate times the "
               "candidate.")
def lstm_step_gates_swapped(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    candidate = np.tanh(weights["candidate"] @ v)
    ignore = 1 / (1 + np.exp(-(weights["ignore"] @ v)))
    forget = 1 / (1 + np.exp(-(weights["forget"] @ v)))
    select = 1 / (1 + np.exp(-(weights["select"] @ v)))
    new_memory = ignore * memory + forget * candidate
    return select * np.tanh(new_memory), new_memory


@misconception("lstm_step", "the ignore gate is applied to the memory instead of the candidate, which goes in "
               "ungated",
               "The ignore gate filters what comes in: the new memory is the forget gate times the old "
               "memory plus the ignore gate times the candidate.")
def lstm_step_gate_on_memory(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    candidate = np.tanh(weights["candidate"] @ v)
    ignore = 1 / (1 + np.exp(-(weights["ignore"] @ v)))
    forget = 1 / (1 + np.exp(-(weights["forget"] @ v)))
    select = 1 / (1 + np.exp(-(weights["select"] @ v)))
    new_memory = forget * ignore * memory + candidate
    return select * np.tanh(new_memory), new_memory


@misconception("lstm_step", "tanh is missing before the select gate: the memory is released unsquashed",
               "The new prediction is the select gate times the new memory squashed by tanh.")
def lstm_step_no_tanh(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    candidate = np.tanh(weights["candidate"] @ v)
    ignore = 1 / (1 + np.exp(-(weights["ignore"] @ v)))
    forget = 1 / (1 + np.exp(-(weights["forget"] @ v)))
    select = 1 / (1 + np.exp(-(weights["select"] @ v)))
    new_memory = forget * memory + ignore * candidate
    return select * new_memory, new_memory


@misconception("lstm_step", "the candidate is squashed with the logistic function instead of tanh",
               "The candidate is its weighted sum squashed by tanh, between -1 and 1, so that it can vote "
               "against a word; only the gates use the logistic function.")
def lstm_step_logistic_candidate(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    candidate = 1 / (1 + np.exp(-(weights["candidate"] @ v)))
    ignore = 1 / (1 + np.exp(-(weights["ignore"] @ v)))
    forget = 1 / (1 + np.exp(-(weights["forget"] @ v)))
    select = 1 / (1 + np.exp(-(weights["select"] @ v)))
    new_memory = forget * memory + ignore * candidate
    return select * np.tanh(new_memory), new_memory


@misconception("lstm_step", "v is built as concatenate([prediction, x]): the last prediction comes before the "
               "new information",
               "v is the new information x followed by the last prediction.")
def lstm_step_v_swapped(x, prediction, memory, weights):
    v = np.concatenate([prediction, x])
    candidate = np.tanh(weights["candidate"] @ v)
    ignore = 1 / (1 + np.exp(-(weights["ignore"] @ v)))
    forget = 1 / (1 + np.exp(-(weights["forget"] @ v)))
    select = 1 / (1 + np.exp(-(weights["select"] @ v)))
    new_memory = forget * memory + ignore * candidate
    return select * np.tanh(new_memory), new_memory


@misconception("lstm_step", "the two values are returned in the wrong order: (new_memory, new_prediction)")
def lstm_step_order(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    candidate = np.tanh(weights["candidate"] @ v)
    ignore = 1 / (1 + np.exp(-(weights["ignore"] @ v)))
    forget = 1 / (1 + np.exp(-(weights["forget"] @ v)))
    select = 1 / (1 + np.exp(-(weights["select"] @ v)))
    new_memory = forget * memory + ignore * candidate
    return new_memory, select * np.tanh(new_memory)
