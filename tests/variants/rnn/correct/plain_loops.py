# The talk in plain Python: lists and loops, math for the squashing, other parameter names.
import math


def one_hot(position, length):
    return [1.0 if i == position else 0.0 for i in range(length)]


def predict_dinner(last, w):
    return [sum(w[i][j] * last[j] for j in range(len(last))) for i in range(len(w))]


def unroll_dinners(start, w, nights):
    rows, current = [], list(start)
    for _ in range(nights):
        current = predict_dinner(current, w)
        rows.append(current)
    return rows


def next_word(current, w, words):
    votes = predict_dinner(one_hot(words.index(current), len(words)), w)
    best = 0
    for i in range(1, len(votes)):
        if votes[i] > votes[best]:
            best = i
    return words[best]


def write_book(start, w, words, n):
    story = []
    word = start
    for _ in range(n):
        story.append(word)
        word = next_word(word, w, words)
    return story


def elementwise_add(u, v):
    return [p + q for p, q in zip(u, v)]


def elementwise_mul(u, v):
    return [p * q for p, q in zip(u, v)]


def gate(signal, faucets):
    try:
        signals = list(signal)
    except TypeError:
        signals = [signal] * len(faucets)
    return elementwise_mul(signals, faucets)


def lstm_step(x, last_prediction, memory, w):
    v = list(x) + list(last_prediction)

    def layer(name, squash):
        return [squash(sum(a * b for a, b in zip(row, v))) for row in w[name]]

    def logistic(z):
        return 1 / (1 + math.exp(-z))

    candidate = layer("candidate", math.tanh)
    ignore, forget, select = layer("ignore", logistic), layer("forget", logistic), layer("select", logistic)
    new_memory = elementwise_add(gate(memory, forget), gate(candidate, ignore))
    return gate([math.tanh(m) for m in new_memory], select), new_memory
