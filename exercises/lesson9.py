"""Lesson 9 — activation functions.

An activation function bends a layer's output: sigmoid squashes any number into (0, 1),
tanh into (-1, 1), and softmax turns a row of scores into probabilities that add up to
one. Backpropagation needs each one's derivative, which the course computes from the
activation's *output* (that is why the derivatives below take ``output``).
Write each function below, then check your work with `grade lesson9`
(`grade lesson9 --hint` shows hints, `grade lesson9 --replay` replays the course's
MNIST run with your functions).

Inputs arrive as NumPy float arrays; images of shape (number of images, 784), divided by
255, and one-hot labels of shape (number of images, 10), as in lesson 8.
"""

import numpy as np


def sigmoid(x):
    """The logistic function ``1 / (1 + exp(-x))``, elementwise.

    A raw output of 0 becomes 0.5 ("a 50% chance"), a raw output of 100 becomes 1:

    >>> sigmoid(np.array([0.0, 100.0]))
    array([0.5, 1. ])
    """
    raise NotImplementedError("write sigmoid")


def sigmoid2deriv(output):
    """The slope of the sigmoid, computed from its output: ``output * (1 - output)``.

    ``output`` is ``sigmoid(x)``, not ``x``: at x = 0 the output is 0.5 and the slope 0.25.

    >>> sigmoid2deriv(np.array([0.5]))
    array([0.25])
    """
    raise NotImplementedError("write sigmoid2deriv")


def tanh(x):
    """The hyperbolic tangent, elementwise: values in (-1, 1), ``tanh(0) = 0``.

    >>> tanh(np.array([0.0]))
    array([0.])
    """
    raise NotImplementedError("write tanh")


def tanh2deriv(output):
    """The slope of tanh, computed from its output: ``1 - output ** 2``.

    >>> tanh2deriv(np.array([0.0, 0.5]))
    array([1.  , 0.75])
    """
    raise NotImplementedError("write tanh2deriv")


def softmax(x):
    """Turn each row of scores into probabilities: ``exp(x)`` divided by the row's sum.

    For a 2-D array each row sums to 1 (axis 1, one row per image); a 1-D array is one row.
    Subtract each row's largest value before ``exp`` (the result is the same, and
    ``exp(1000)`` would overflow to infinity and give NaN):

    >>> softmax(np.array([[1000.0, 1000.0]]))
    array([[0.5, 0.5]])
    >>> softmax(np.array([0.0, np.log(3.0)]))
    array([0.25, 0.75])
    """
    raise NotImplementedError("write softmax")


def train_mnist_tanh_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    """Train the course's lesson-9 MNIST network and return
    ``(history, weights_0_1, weights_1_2)``, in the shape of lesson 8's ``train_mnist``.

    The network: ``layer_1 = tanh(layer_0 @ weights_0_1)``, ``layer_2 =
    softmax(layer_1 @ weights_1_2)``. Each iteration goes through the training images in
    batches of ``batch_size`` (``len(images) // batch_size`` batches). For each batch:

    1. forward pass; when ``dropout_rng`` is given, draw a 0/1 mask of
       ``layer_1.shape`` from it, each entry 1 with probability 1/2
       (``dropout_rng.integers(0, 2, size=layer_1.shape)``), and use
       ``layer_1 = layer_1 * mask * 2``;
    2. add the batch's squared error ``sum((labels - layer_2) ** 2)`` and its count of
       correct answers to the iteration's totals (before the update, with dropout);
    3. as the course's listing writes it,
       ``layer_2_delta = (labels - layer_2) / (batch_size * len(layer_2))`` (the batch
       size squared for a full batch),
       ``layer_1_delta = layer_2_delta @ weights_1_2.T * tanh2deriv(layer_1)`` (then
       ``* mask`` with dropout);
    4. once per batch: ``weights_1_2 += alpha * layer_1.T @ layer_2_delta`` and
       ``weights_0_1 += alpha * layer_0.T @ layer_1_delta``.

    The history has one row ``(iteration, train_error, train_acc, test_error, test_acc)``
    for every iteration ``j`` with ``j % log_every == 0``, and for the last iteration: the
    iteration's summed squared error and correct count divided by ``len(images)``, then
    the same on the test images after the iteration's updates, without dropout (test
    predictions are ``softmax(tanh(test_images @ weights_0_1) @ weights_1_2)``). The
    caller's weight arrays are not changed.

    >>> images = np.array([[1.0, 0.0, 0.5, 0.0], [0.0, 1.0, 0.0, 0.5]])
    >>> labels = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> w01 = np.array([[0.1, -0.1], [-0.1, 0.1], [0.1, 0.0], [0.0, 0.1]])
    >>> w12 = np.array([[0.1, -0.1], [-0.1, 0.1]])
    >>> history, w01, w12 = train_mnist_tanh_softmax(images, labels, images, labels, w01, w12, 2.0, 3,
    ...                                              batch_size=2, log_every=2)
    >>> [row[0] for row in history]
    [0, 2]
    >>> [round(float(row[4]), 2) for row in history]
    [1.0, 1.0]
    """
    raise NotImplementedError("write train_mnist_tanh_softmax")
