"""A single sigmoid neuron ("How to Make a Neural Network").

One neuron with three input weights learns, from four examples of three bits each,
that the output is the first bit. It squashes its weighted sum with the sigmoid
function 1 / (1 + e^-x), and after each pass over the examples adds to its weights the
inputs times the error times the slope of the sigmoid at the output. Write each function
below, then check your work with `grade neuron` (`grade neuron --hint` shows a hint for
each exercise that fails).

Inputs arrive as NumPy arrays, as in the video: ``inputs`` has one example per row,
``outputs`` is a column (one row per example) and ``weights`` a column (one row per
input). The video's starting weights come from ``np.random.seed(1)``::

    np.random.seed(1)
    weights = 2 * np.random.random((3, 1)) - 1   # [[-0.16595599] [0.44064899] [-0.99977125]]
"""

import numpy as np


def think(inputs, weights):
    """The neuron's output: the sigmoid of the weighted sum, ``1 / (1 + exp(-(inputs @ weights)))``.

    ``inputs`` is one example (a vector) or one example per row; the result has one
    output per example. With the weights the video ends with, the new situation
    [1, 0, 0] gives "very likely a one":

    >>> trained = np.array([[9.67299303], [-0.2078435], [-4.62963669]])
    >>> think(np.array([1.0, 0.0, 0.0]), trained)
    array([0.99993704])
    """
    raise NotImplementedError("write think")


def train_neuron(inputs, outputs, weights, iterations):
    """Train the neuron ``iterations`` times on all the examples at once; return the
    new weights (the caller's ``weights`` stay as they were).

    Each iteration: ``output = think(inputs, weights)``, ``error = outputs - output``,
    then ``weights += inputs.T @ (error * output * (1 - output))`` (no learning rate).

    >>> inputs = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], dtype=float)
    >>> outputs = np.array([[0, 1, 1, 0]], dtype=float).T
    >>> start = np.array([[-0.16595599], [0.44064899], [-0.99977125]])
    >>> train_neuron(inputs, outputs, start, 10000)
    array([[ 9.67299303],
           [-0.2078435 ],
           [-4.62963669]])
    """
    raise NotImplementedError("write train_neuron")
