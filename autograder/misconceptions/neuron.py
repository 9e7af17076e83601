"""Classic slips of the single sigmoid neuron ("How to Make a Neural Network"), as the grader recognises them."""

import math

import numpy as np

from ..reference import load

think = load("neuron").think


def think_no_sigmoid(inputs, weights):
    return np.dot(inputs, weights)

def think_exp_sign(inputs, weights):
    return 1 / (1 + np.exp(np.dot(inputs, weights)))

def think_parentheses(inputs, weights):
    return 1 / 1 + np.exp(-np.dot(inputs, weights))

def think_tanh(inputs, weights):
    return np.tanh(np.dot(inputs, weights))


# ------------------------------------------------------------------ train_neuron
# The reference loop, with the update's sign and its delta(error, layer, output) (error times slope) as parameters.
def _train(inputs, outputs, weights, iterations, sign=1, delta=None):
    weights = np.array(weights, dtype=float)
    for iteration in range(iterations):
        output = think(inputs, weights)
        error = outputs - output
        step = error * output * (1 - output) if delta is None else delta(error, np.dot(inputs, weights), output)
        weights = weights + sign * np.dot(inputs.T, step)
    return weights


def train_neuron_subtracts(inputs, outputs, weights, iterations):
    return _train(inputs, outputs, weights, iterations, sign=-1)

def train_neuron_no_slope(inputs, outputs, weights, iterations):
    return _train(inputs, outputs, weights, iterations, delta=lambda error, layer, output: error)

def train_neuron_slope_of_sum(inputs, outputs, weights, iterations):
    with np.errstate(all="ignore"):  # the weights can blow up: inf, then NaN, quietly
        return _train(inputs, outputs, weights, iterations, 
                      delta=lambda error, layer, output: error * layer * (1 - layer))

def train_neuron_one_update(inputs, outputs, weights, iterations):
    return _train(inputs, outputs, weights, 1)

def train_neuron_returns_output(inputs, outputs, weights, iterations):
    return think(inputs, _train(inputs, outputs, weights, iterations))

def train_neuron_per_example(inputs, outputs, weights, iterations):
    w = [float(v) for v in np.ravel(weights)]  # plain floats: 4x faster than NumPy on one example
    rows = [[float(a) for a in x] for x in inputs]
    goals = [float(goal) for goal in np.ravel(outputs)]
    for iteration in range(iterations):
        for x, goal in zip(rows, goals):
            output = 1 / (1 + math.exp(-sum([a * b for a, b in zip(x, w)])))
            step = (goal - output) * output * (1 - output)
            w = [v + a * step for v, a in zip(w, x)]
    return np.array(w).reshape(-1, 1)
