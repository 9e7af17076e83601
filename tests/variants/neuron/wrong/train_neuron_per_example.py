# exercise: train_neuron
# misconception: neuron.train_neuron.train_neuron_per_example
# Lesson 6's stochastic habit: one example at a time, with plain loops over the weights.
import numpy as np


def train_neuron(inputs, outputs, weights, iterations):
    w = [float(v) for v in np.ravel(weights)]
    for _ in range(iterations):
        for x, y in zip(inputs, np.ravel(outputs)):
            out = 1 / (1 + np.exp(-sum(a * b for a, b in zip(x, w))))
            step = (y - out) * out * (1 - out)
            w = [v + a * step for v, a in zip(w, x)]
    return np.array(w).reshape(-1, 1)
