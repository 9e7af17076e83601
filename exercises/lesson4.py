"""Lesson 4 — gradient descent.

Predict, compare, learn: measure how far a prediction missed (the squared error), then
move the weight so that the error shrinks — first by trying both directions (hot and
cold learning), then by computing the direction and the amount from the error itself
(gradient descent).
Write each function below, then check your work with `grade lesson4`
(`grade lesson4 --hint` shows a hint for each exercise that fails).

Here every input, weight and goal is a single number (an int or a float).
"""


def squared_error(prediction, goal):
    """How much the prediction missed by: ``(prediction - goal) ** 2``.

    Squaring makes every miss positive, and makes big misses count more than
    small ones. The course's first comparison: input 0.5 and weight 0.5 predict
    0.25 where the goal is 0.8:

    >>> squared_error(0.25, 0.8)
    0.3025
    """
    raise NotImplementedError("write squared_error")


def hot_cold_step(input, weight, goal, step_amount):
    """One step of hot and cold learning: return the new weight.

    Predict with ``weight + step_amount`` (try up) and with
    ``weight - step_amount`` (try down), measure the squared error of both,
    and move to whichever trial has the lower error — even when both are worse
    than staying where you are. Only when the two errors are exactly equal
    does the weight stay.

    The course's toes example: 8.5 toes, weight 0.1, goal 1 (a win), step 0.01.
    Up gives an error of 0.004225, down 0.055225, so the weight goes up:

    >>> hot_cold_step(8.5, 0.1, 1, 0.01)
    0.11
    """
    raise NotImplementedError("write hot_cold_step")


def hot_cold_learning(input, weight, goal, step_amount, iterations):
    """Repeat ``hot_cold_step`` ``iterations`` times; return the history.

    The history has one ``(error, prediction)`` pair per iteration, measured
    *before* that iteration's update (as the course prints it: ``Error:0.3025
    Prediction:0.25`` comes first). Zero iterations give an empty history.

    >>> history = hot_cold_learning(0.5, 0.5, 0.8, 0.001, 1101)
    >>> history[0]
    (0.3025, 0.25)
    >>> history[1]
    (0.30195025, 0.2505)
    >>> len(history)
    1101
    >>> history[1099]
    (2.50000000033e-07, 0.7995)

    (The slide prints that line as ``Error:2.5000000033e-07``: a zero went missing.)

    With a step of 10 the weight jumps back and forth and never gets close:

    >>> hot_cold_learning(0.5, 0.5, 0.8, 10, 4)
    [(0.3025, 0.25), (19.8025, 5.25), (0.3025, 0.25), (19.8025, 5.25)]
    """
    raise NotImplementedError("write hot_cold_learning")


def gradient_descent_step(input, weight, goal, alpha):
    """One step of gradient descent: return the new weight.

    ``delta = prediction - goal`` says how much the prediction missed and in
    which direction; ``weight_delta = delta * input`` scales it by the input
    (and flips it for a negative input); the weight moves against it, by
    ``alpha`` times as much: ``weight - alpha * weight_delta``.

    The course's toes example: prediction 8.5 * 0.1 = 0.85, delta -0.15,
    weight_delta -1.275, so with alpha 0.01 the weight becomes 0.11275:

    >>> gradient_descent_step(8.5, 0.1, 1, 0.01)
    0.11275
    """
    raise NotImplementedError("write gradient_descent_step")


def gradient_descent(input, weight, goal, alpha, iterations):
    """Repeat ``gradient_descent_step`` ``iterations`` times; return the history.

    One ``(error, prediction)`` pair per iteration, measured *before* that
    iteration's update; zero iterations give an empty history. The course's
    run without alpha (alpha = 1), input 0.5, weight 0.5, goal 0.8:

    >>> gradient_descent(0.5, 0.5, 0.8, 1, 3)
    [(0.3025, 0.25), (0.17015625, 0.3875), (0.095712890625, 0.490625)]

    With input 2 the same run overshoots further at every step (divergence);
    an alpha of 0.1 tames it:

    >>> gradient_descent(2, 0.5, 0.8, 1, 3)
    [(0.04, 1.0), (0.36, 0.2), (3.24, 2.6)]
    >>> gradient_descent(2, 0.5, 0.8, 0.1, 3)
    [(0.04, 1.0), (0.0144, 0.92), (0.005184, 0.872)]
    """
    raise NotImplementedError("write gradient_descent")
