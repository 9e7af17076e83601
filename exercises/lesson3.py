"""Lesson 3 — forward propagation.

A neural network turns an input into a prediction by multiplying it with weights.
Write each function below, then check your work with `grade lesson3`
(`grade lesson3 --hint` shows a hint for each exercise that fails).

Inputs may arrive as Python lists or NumPy arrays: write code that works for both.
"""


def neural_network(input, weight):
    """Predict with one input and one weight: ``input * weight``.

    The course's first network: 8.5 toes per game and a weight of 0.1 predict
    a 0.85 (85%) chance of winning.

    >>> neural_network(8.5, 0.1)
    0.85
    """
    raise NotImplementedError("write neural_network")


def w_sum(a, b):
    """Weighted sum (dot product) of two vectors of the same length.

    Multiply each pair ``a[i] * b[i]`` and add the products up. Vectors of
    different lengths have no weighted sum: raise an exception (an ``assert``
    or ``raise ValueError(...)``).

    Game 1 of the course: toes 8.5, win/loss record 0.65, fans 1.2, with
    weights [0.1, 0.2, 0]: 0.85 + 0.13 + 0.00 = 0.98.

    >>> w_sum([8.5, 0.65, 1.2], [0.1, 0.2, 0.0])
    0.98
    """
    raise NotImplementedError("write w_sum")


def ele_mul(number, vector):
    """Multiply every element of ``vector`` by ``number``; return the new vector.

    One input (win/loss record 0.65) predicting three things at once
    (hurt, win, sad) with weights [0.3, 0.2, 0.9]:

    >>> ele_mul(0.65, [0.3, 0.2, 0.9])
    [0.195, 0.13, 0.585]

    Any length works: do not assume three elements.
    """
    raise NotImplementedError("write ele_mul")


def vect_mat_mul(vect, matrix):
    """Multiply a vector by a matrix: element ``i`` is ``w_sum(vect, matrix[i])``.

    ``matrix`` has one row of weights per output. The course's network with
    three inputs (toes, wlrec, fans) and three outputs (hurt, win, sad):

    >>> vect_mat_mul([8.5, 0.65, 1.2], [[0.1, 0.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]])
    [0.555, 0.98, 0.965]

    Any number of rows and any row length work (the rows must match ``vect``).
    """
    raise NotImplementedError("write vect_mat_mul")


def stacked_network(input, weights):
    """Predict through a hidden layer: ``vect_mat_mul`` with ``weights[0]``
    (input -> hidden), then with ``weights[1]`` (hidden -> output).

    Each matrix has one row per unit of the layer it feeds, as ``vect_mat_mul``
    reads it. With the course's weights the hidden layer is
    [0.86, 0.295, 1.23] and the prediction:

    >>> ih_wgt = [[0.1, 0.2, -0.1], [-0.1, 0.1, 0.9], [0.1, 0.4, 0.1]]
    >>> hp_wgt = [[0.3, 1.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]]
    >>> stacked_network([8.5, 0.65, 1.2], [ih_wgt, hp_wgt])
    [0.2135, 0.145, 0.5065]
    """
    raise NotImplementedError("write stacked_network")


def dot_shape(shape_a, shape_b):
    """The shape of ``a.dot(b)`` for matrices of shapes ``shape_a`` and ``shape_b``,
    or ``None`` when the product is not defined.

    A (rows, cols) matrix times a (cols, k) matrix gives (rows, k): the inner
    numbers must agree. From the course's NumPy primer:

    >>> dot_shape((1, 4), (4, 3))
    (1, 3)
    >>> dot_shape((2, 1), (1, 3))
    (2, 3)
    >>> dot_shape((5, 4), (5, 6)) is None
    True
    """
    raise NotImplementedError("write dot_shape")
