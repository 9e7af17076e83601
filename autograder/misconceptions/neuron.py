"""Classic slips of the single sigmoid neuron ("How to Make a Neural Network"), as the grader recognises them."""

import math

import numpy as np

from . import misconception
from ..reference import load

think = load("neuron").think


@misconception("think", "the weighted sum is returned without the sigmoid",
               "Squash it with the sigmoid so that every output lies between 0 and 1.")
def think_no_sigmoid(inputs, weights):
    return np.dot(inputs, weights)


@misconception("think", "the minus sign in the exponent is lost: 1 / (1 + np.exp(x)) is the sigmoid mirrored, "
               "near 0 where it should be near 1")
def think_exp_sign(inputs, weights):
    return 1 / (1 + np.exp(np.dot(inputs, weights)))


@misconception("think", "the parentheses around the denominator are lost: 1 / 1 + np.exp(-x) is 1 + e^-x",
               "The sigmoid divides 1 by the whole of 1 plus exp(-x).")
def think_parentheses(inputs, weights):
    return 1 / 1 + np.exp(-np.dot(inputs, weights))


@misconception("think", "np.tanh is used: it squashes into -1 to 1, while the neuron's sigmoid squashes into 0 to 1",
               "The neuron squashes with the sigmoid, whose outputs lie between 0 and 1.")
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


@misconception("train_neuron", "the weights move the wrong way: the adjustment is subtracted, or the error is "
               "taken as output - outputs",
               "With the error taken as the outputs wanted minus the neuron's output, the adjustment is added.")
def train_neuron_subtracts(inputs, outputs, weights, iterations):
    return _train(inputs, outputs, weights, iterations, sign=-1)


@misconception("train_neuron", "the error is not multiplied by the slope of the sigmoid, output * (1 - output)")
def train_neuron_no_slope(inputs, outputs, weights, iterations):
    return _train(inputs, outputs, weights, iterations, delta=lambda error, layer, output: error)


@misconception("train_neuron", "the slope is taken of the weighted sum instead of the sigmoid's output: "
                               "layer * (1 - layer) where the video has output * (1 - output)",
               "The sigmoid's slope is output times one minus output, taken at the neuron's output (after the "
               "sigmoid), not at the weighted sum.")
def train_neuron_slope_of_sum(inputs, outputs, weights, iterations):
    with np.errstate(all="ignore"):  # the weights can blow up: inf, then NaN, quietly
        return _train(inputs, outputs, weights, iterations, 
                      delta=lambda error, layer, output: error * layer * (1 - layer))


@misconception("train_neuron", "the weights are updated once, whatever the number of iterations",
               "Repeat the forward pass and the update `iterations` times.")
def train_neuron_one_update(inputs, outputs, weights, iterations):
    return _train(inputs, outputs, weights, 1)


@misconception("train_neuron", "the neuron's outputs after training, think(inputs, weights), are returned instead "
               "of the weights")
def train_neuron_returns_output(inputs, outputs, weights, iterations):
    return think(inputs, _train(inputs, outputs, weights, iterations))


@misconception("train_neuron", "the weights are updated after every example, one at a time (stochastic, as in "
               "the book's lesson 6), instead of once per pass over all of them",
               "The video trains on the whole training set at once: one think and one adjustment per iteration.")
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
