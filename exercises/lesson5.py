"""Lesson 5 — learning multiple weights at a time.

Gradient descent with one weight generalises to many: every weight gets its own
``weight_delta``, the delta of the output it feeds times the input it reads, and moves
by ``alpha`` times that amount against it. Write each function below, then check your
work with `grade lesson5` (`grade lesson5 --hint` shows a hint for each exercise that
fails).

Inputs may arrive as Python lists or NumPy arrays: write code that works for both, and
for any number of inputs and outputs. Return new weights rather than changing the
caller's list.
"""


def multi_input_step(input, weights, goal, alpha):
    """One step of gradient descent for one neuron with several inputs.

    Return ``(new_weights, prediction, error, delta, weight_deltas)``:

    - ``prediction`` is the weighted sum of ``input`` and ``weights``;
    - ``error`` is ``(prediction - goal) ** 2`` and ``delta`` is ``prediction - goal``;
    - ``weight_deltas[i]`` is ``delta * input[i]`` (every weight shares the delta);
    - ``new_weights[i]`` is ``weights[i] - alpha * weight_deltas[i]``.

    The course's game: toes 8.5, win/loss record 0.65, fans 1.2, weights
    [0.1, 0.2, -0.1], the team won (goal 1), alpha 0.01. The prediction 0.86 is
    too low, so delta is negative (-0.14) and every weight grows:

    >>> new_weights, prediction, error, delta, weight_deltas = multi_input_step(
    ...     [8.5, 0.65, 1.2], [0.1, 0.2, -0.1], 1, 0.01)
    >>> prediction, error, delta
    (0.86, 0.0196, -0.14)
    >>> weight_deltas
    [-1.19, -0.091, -0.168]
    >>> new_weights
    [0.1119, 0.20091, -0.09832]
    """
    raise NotImplementedError("write multi_input_step")


def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    """Repeat ``multi_input_step`` ``iterations`` times on the same example.

    Return a list with one ``(prediction, error, weights_before_update)`` per
    iteration: the prediction and error are measured, and the weights recorded,
    *before* that iteration's update (as the course prints them). Weights whose
    index is in ``frozen`` never change: their weight delta counts as 0. The
    caller's ``weights`` are left as they were.

    The course's three iterations with alpha 0.01 (the error shrinks from
    0.0196 to 0.0013 to 0.000088):

    >>> history = multi_input_learning([8.5, 0.65, 1.2], [0.1, 0.2, -0.1], 1, 0.01, 3)
    >>> [round(prediction, 4) for prediction, error, weights in history]
    [0.86, 0.9638, 0.9906]
    >>> history[1][2]
    [0.1119, 0.20091, -0.09832]

    Freezing weight 0 (alpha 0.3): it stays 0.1 while the others learn.

    >>> history = multi_input_learning([8.5, 0.65, 1.2], [0.1, 0.2, -0.1], 1, 0.3, 3, frozen=(0,))
    >>> history[2][2]
    [0.1, 0.239346125, -0.027361]
    """
    raise NotImplementedError("write multi_input_learning")


def multi_output_step(input, weights, goals, alpha):
    """One step of gradient descent for one input feeding several outputs.

    ``weights[i]`` connects the single ``input`` to output ``i``. Return
    ``(new_weights, predictions, errors, deltas)``:

    - ``predictions[i]`` is ``input * weights[i]``;
    - ``errors[i]`` is ``(predictions[i] - goals[i]) ** 2`` and ``deltas[i]`` is
      ``predictions[i] - goals[i]``;
    - each weight moves by ``alpha * input * deltas[i]`` (the input times *its
      output's delta*), against that amount.

    The course's win/loss record 0.65 predicting hurt, win and sad (goals 0.1, 1,
    0.1) with weights [0.3, 0.2, 0.9] and alpha 0.1:

    >>> new_weights, predictions, errors, deltas = multi_output_step(0.65, [0.3, 0.2, 0.9], [0.1, 1, 0.1], 0.1)
    >>> predictions
    [0.195, 0.13, 0.585]
    >>> deltas
    [0.095, -0.87, 0.485]
    >>> new_weights
    [0.293825, 0.25655, 0.868475]
    """
    raise NotImplementedError("write multi_output_step")


def outer_prod(vec_a, vec_b):
    """The outer product of two vectors: the matrix ``m[i][j] = vec_a[i] * vec_b[j]``.

    It has one row per element of ``vec_a`` and one column per element of
    ``vec_b`` (the lengths may differ). Its diagonal, where both vectors have the
    same length, is their elementwise product:

    >>> outer_prod([1, 2], [3, 4, 5])
    [[3, 4, 5], [6, 8, 10]]
    >>> m = outer_prod([0, 1, 0, 1], [1, 0, 1, 0])
    >>> [m[i][i] for i in range(4)]
    [0, 0, 0, 0]
    """
    raise NotImplementedError("write outer_prod")


def multi_in_out_step(input, weights, goals, alpha):
    """One step of gradient descent for a layer with several inputs and outputs.

    ``weights[i][j]`` connects input ``j`` to output ``i`` (one row per output, as
    ``vect_mat_mul`` reads it). Return ``(new_weights, predictions, errors, deltas)``:

    - ``predictions[i]`` is the weighted sum of ``input`` and row ``weights[i]``;
    - ``errors[i]`` is ``(predictions[i] - goals[i]) ** 2``, ``deltas[i]`` is
      ``predictions[i] - goals[i]``;
    - the weight deltas are ``outer_prod(deltas, input)``, so ``weights[i][j]``
      moves by ``alpha * deltas[i] * input[j]``, against that amount. The matrix of
      weight deltas has the shape of ``weights`` (outputs x inputs).

    The course's 3x3 network (rows hurt, win, sad) on toes 8.5, win/loss 0.65,
    fans 1.2 with goals [0.1, 1, 0.1] and alpha 0.01:

    >>> weights = [[0.1, 0.1, -0.3], [0.1, 0.2, 0.0], [0.0, 1.3, 0.1]]
    >>> new_weights, predictions, errors, deltas = multi_in_out_step([8.5, 0.65, 1.2], weights, [0.1, 1, 0.1], 0.01)
    >>> predictions
    [0.555, 0.98, 0.965]
    >>> deltas
    [0.455, -0.02, 0.865]
    >>> new_weights[0]
    [0.061325, 0.0970425, -0.30546]
    """
    raise NotImplementedError("write multi_in_out_step")
