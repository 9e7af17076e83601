# No matrix products: loops over examples and inputs, math.exp, lists out.
import math as _math


def _sigmoid(x):
    return 1 / (1 + _math.exp(-x))


def think(inputs, weights):
    w = [float(row[0]) for row in weights]
    if np.ndim(inputs) == 1:
        return [_sigmoid(sum(float(x) * wi for x, wi in zip(inputs, w)))]
    return [[_sigmoid(sum(float(x) * wi for x, wi in zip(example, w)))] for example in inputs]


def train_neuron(inputs, outputs, weights, iterations):
    w = [[float(row[0])] for row in weights]
    for _ in range(iterations):
        predicted = think(inputs, w)
        deltas = [(float(y[0]) - p[0]) * p[0] * (1 - p[0]) for y, p in zip(outputs, predicted)]
        for j in range(len(w)):
            w[j][0] += sum(float(example[j]) * d for example, d in zip(inputs, deltas))
    return w
