# The talk in NumPy idioms: np.eye rows, matrix powers for the unrolled nights, np.multiply
# and np.add, all four LSTM networks in one stacked matrix product, and a tuple of words.
import numpy as np


def one_hot(index, size):
    return np.eye(size)[index]


def predict_dinner(yesterday, weights):
    return np.einsum("ij,j->i", weights, yesterday)


def unroll_dinners(known, weights, days):
    return np.array([np.linalg.matrix_power(weights, d + 1) @ known for d in range(days)]).reshape(days, -1)


def next_word(word, weights, vocabulary):
    return vocabulary[np.argmax(weights[:, vocabulary.index(word)])]


def write_book(first_word, weights, vocabulary, length):
    story = (first_word,)
    for _ in range(length - 1):
        story += (next_word(story[-1], weights, vocabulary),)
    return story


def elementwise_add(a, b):
    return np.add(a, b)


def elementwise_mul(a, b):
    return np.multiply(a, b)


def gate(signal, gates):
    return np.multiply(signal, gates)


def lstm_step(x, prediction, memory, weights):
    stacked = np.vstack([weights[k] for k in ("candidate", "ignore", "forget", "select")])
    z = stacked @ np.hstack([x, prediction])
    c, i, f, s = np.split(z, 4)
    i, f, s = (np.exp(-np.logaddexp(0, -g)) for g in (i, f, s))
    new_memory = f * memory + i * np.tanh(c)
    return s * np.tanh(new_memory), new_memory
