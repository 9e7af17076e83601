"""Lesson 6 — backpropagation.

A network learns a whole data set by updating its weights after every example
(stochastic gradient descent), and a deeper network learns what one layer cannot by
sending each output's delta back through its weights to the hidden layer
(backpropagation), with a ReLU nonlinearity in between.
Write each function below, then check your work with `grade lesson6`
(`grade lesson6 --hint` shows a hint for each exercise that fails).

From this lesson on the inputs arrive as float NumPy arrays: one pattern per row, and
the goals of a single output as a flat array of shape (n,). Training functions take
their starting weights as arguments, never draw random numbers, and must not change
the arrays they are given: work on copies (``np.array(weights, dtype=float)``).
"""

import numpy as np


def streetlight_one_light(input, goal, weights, alpha, iterations):
    """Train a single-layer network on one light pattern; return the history.

    Each iteration predicts ``input.dot(weights)``, measures the error
    ``(goal - prediction) ** 2`` and the ``delta = prediction - goal``, then moves
    every weight by ``alpha * input * delta`` (subtracted). Record
    ``(error, prediction)`` *before* that iteration's update: one pair per iteration.

    The course's first streetlight, [1, 0, 1], should mean stop (goal 0). From the
    weights [0.5, 0.48, -0.7] with alpha 0.1 the prediction shrinks by a factor
    0.8 at every step:

    >>> lights = np.array([1.0, 0.0, 1.0])
    >>> history = streetlight_one_light(lights, 0.0, np.array([0.5, 0.48, -0.7]), 0.1, 20)
    >>> len(history)
    20
    >>> [(round(error, 4), round(prediction, 4)) for error, prediction in history[:3]]
    [(0.04, -0.2), (0.0256, -0.16), (0.0164, -0.128)]

    With the far-left weight 0.5 and the far-right weight -0.5 the prediction for
    [1, 0, 1] is already 0: no error, no delta, nothing to learn.

    >>> streetlight_one_light(lights, 0.0, np.array([0.5, 0.0, -0.5]), 0.1, 2)
    [(0.0, 0.0), (0.0, 0.0)]
    """
    raise NotImplementedError("write streetlight_one_light")


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    """Train on every pattern, one at a time (stochastic gradient descent); return
    the total error of each iteration.

    One iteration goes through the rows of ``streetlights`` in order. For each row:
    predict ``row.dot(weights)``, add its error ``(goal - prediction) ** 2`` to the
    iteration's total (measured *before* this row's update), then update the weights
    at once by ``alpha * row * delta`` with ``delta = prediction - goal`` (subtracted).
    Return one total per iteration.

    The course's six streetlights (walk = 1, stop = 0), weights [0.5, 0.48, -0.7],
    alpha 0.1, 40 iterations: the error falls from 2.656 to 0.00053.

    >>> streetlights = np.array([[1, 0, 1], [0, 1, 1], [0, 0, 1],
    ...                          [1, 1, 1], [0, 1, 1], [1, 0, 1]], dtype=float)
    >>> walk_vs_stop = np.array([0, 1, 0, 1, 1, 0], dtype=float)
    >>> errors = streetlight_sgd(streetlights, walk_vs_stop, np.array([0.5, 0.48, -0.7]), 0.1, 40)
    >>> len(errors)
    40
    >>> round(errors[0], 10), round(errors[1], 6), round(errors[-1], 9)
    (2.6561231104, 0.96287, 0.000533737)
    """
    raise NotImplementedError("write streetlight_sgd")


def relu(x):
    """``x`` where it is positive, 0 elsewhere, element by element.

    The nonlinearity of the hidden layer: it turns every negative number into 0
    (and keeps the shape of ``x``: a vector, or a matrix with one row per example).

    >>> relu(np.array([-1.5, 0.0, 2.0]))
    array([0., 0., 2.])
    >>> relu(np.array([[0.5, -0.5], [-2.0, 3.0]]))
    array([[0.5, 0. ],
           [0. , 3. ]])
    """
    # The course writes (x > 0) * x: the same numbers, with -0.0 where x < 0.
    raise NotImplementedError("write relu")


def relu2deriv(output):
    """The slope of ``relu`` at its ``output``: 1 where ``output > 0``, else 0.

    Backpropagation multiplies a hidden layer's delta by this, so that a unit
    which relu switched off (output 0) gets no share of the blame. Booleans are
    fine (True counts as 1); at exactly 0 the slope is 0.

    >>> relu2deriv(np.array([0.0, 0.13, 0.0, 2.5])) * 1
    array([0, 1, 0, 1])
    """
    raise NotImplementedError("write relu2deriv")


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    """Train a three-layer network (inputs -> ReLU hidden layer -> one output),
    pattern by pattern; return ``(errors, weights_0_1, weights_1_2)``.

    ``weights_0_1`` has one row per input and one column per hidden unit;
    ``weights_1_2`` one row per hidden unit and one column (the output). For each
    pattern ``i``, in order (``layer_0 = inputs[i:i+1]``, a row of shape (1, n)):

    - forward: ``layer_1 = relu(layer_0 @ weights_0_1)``,
      ``layer_2 = layer_1 @ weights_1_2``;
    - error: add ``sum((layer_2 - goal) ** 2)`` to the iteration's total;
    - backward: ``layer_2_delta = layer_2 - goal``, then
      ``layer_1_delta = layer_2_delta @ weights_1_2.T * relu2deriv(layer_1)``
      (with ``weights_1_2`` *before* it is updated);
    - update both: ``weights_1_2 -= alpha * layer_1.T @ layer_2_delta`` and
      ``weights_0_1 -= alpha * layer_0.T @ layer_1_delta``.

    ``errors`` has one total per iteration; the weights are the final ones (new
    arrays: the caller's stay unchanged).

    The course's first deep network (``np.random.seed(1)``, hidden size 4,
    alpha 0.2) learns the four streetlights in 60 iterations; it prints the error
    every tenth iteration: 0.634, 0.358, 0.083, 0.0065, 0.00033, 0.000015.

    >>> np.random.seed(1)
    >>> weights_0_1 = 2 * np.random.random((3, 4)) - 1
    >>> weights_1_2 = 2 * np.random.random((4, 1)) - 1
    >>> streetlights = np.array([[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1]], dtype=float)
    >>> walk_vs_stop = np.array([1, 1, 0, 0], dtype=float)
    >>> errors, w01, w12 = train_deep_network(streetlights, walk_vs_stop, weights_0_1, weights_1_2, 0.2, 60)
    >>> [round(e, 4) for e in errors[9::10]]
    [0.6342, 0.3584, 0.083, 0.0065, 0.0003, 0.0]
    >>> w01.shape, w12.shape
    ((3, 4), (4, 1))
    """
    raise NotImplementedError("write train_deep_network")
