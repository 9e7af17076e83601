"""The backpropagation talk: learning is following the slope of the error.

The talk ("How neural networks work", "How backpropagation works", "How optimization
works") teaches training as a ball rolling down a hill: change a weight a little bit, see
how the error changes, and move the weight the way the error goes down. The slope of the
error, "dE/dw", says which way and roughly how far. Backpropagation finds the slope of a
deep weight link by link ("chaining"): the slope of each tiny step, multiplied together.

The exercises follow the talk's examples, in its order:

1. ``numeric_slope``: the slope of an error curve, measured by nudging the weight a
   little up and a little down (the talk's ``E = w ** 2`` at ``w = -1``: a slope of -2);
2. ``chain_slope``: the talk's "world's most trivial neural network", ``y = x * w1``,
   ``e = y * w2``: how much the error changes with ``w1``;
3. ``sigmoid_slope``: the slope of the logistic squashing function, "multiply it by 1
   minus itself";
4. ``squash``: the hyperbolic-tangent squashing of a neuron's vote (0.5 comes out just
   under 0.5);
5. ``shawarma_activity`` and ``shawarma_error``: the shawarma-schedule network's
   activity (the average of the weights from the active inputs) and how wrong it is;
6. ``best_guess``: how many M&Ms are in a bag? Gradient descent on the squared
   deviations settles on the average count.

Write each function below, then check your work with `grade backprop`
(`grade backprop --hint` shows a hint for each exercise that fails).

Numbers come as Python floats; where a function works "elementwise" it also gets 1-D
NumPy arrays, and vectors and matrices may come as lists or arrays. Use only NumPy and
the standard library.
"""

import numpy as np


def numeric_slope(coeffs, w, h=1e-4):
    """The slope of the error curve at ``w``, measured by nudging the weight.

    Part 1 of the talk: "when we make a change in weight the error will change a little
    bit, and that relation of the change in weight to the change in error is the slope",
    dE/dw. The error curve is a polynomial, ``E(w) = sum(c * w ** k for k, c in
    enumerate(coeffs))``: ``coeffs[0]`` is the constant, ``coeffs[1]`` multiplies ``w``,
    ``coeffs[2]`` multiplies ``w ** 2``, and so on. Measure the slope on both sides of
    ``w`` at once: ``(E(w + h) - E(w - h)) / (2 * h)`` (the change in error over the
    change in weight, which is ``2 * h`` from ``w - h`` to ``w + h``).

    The talk's error is the square of the weight, ``E = w ** 2`` (coefficients
    ``[0, 0, 1]``), and the weight is at -1: "the derivative of weight squared is two
    times the weight, and so we plug in our weight of minus one and we get a slope of
    minus two". A negative slope says: increase the weight to bring the error down.

    >>> round(numeric_slope([0, 0, 1], -1), 9)
    -2.0
    >>> numeric_slope([0, 0, 1], -1, 1)  # even with a nudge of 1 either side
    -2.0
    """
    def error(weight):
        return sum(c * weight ** k for k, c in enumerate(coeffs))

    return (error(w + h) - error(w - h)) / (2 * h)


def chain_slope(x, w1, w2):
    """``de/dw1`` in the talk's trivial network, by the chain rule.

    Part 2 of the talk, "chaining": one input ``x``, a weight ``w1`` to the hidden value
    ``y = x * w1``, a weight ``w2`` to the error ``e = y * w2``. If ``w1`` changes by a
    little, ``y`` changes by ``x`` times that (``dy/dw1 = x``); if ``y`` changes by a
    little, ``e`` changes by ``w2`` times that (``de/dy = w2``). "Calculate the slope of
    each tiny step and then multiply all of those together": ``de/dw1 = dy/dw1 * de/dy``.

    >>> chain_slope(2.0, 3.0, 0.5)   # e = 2 * 3 * 0.5; nudging w1 by 1 changes e by 2 * 0.5
    1.0
    """
    dy_dw1 = x
    de_dy = w2
    return dy_dw1 * de_dy


def sigmoid_slope(x):
    """The slope of the logistic (sigmoid) function at ``x``, elementwise.

    Part 3 of the talk: to backpropagate through a neuron's squashing function we need
    its slope. The logistic function is ``s = 1 / (1 + exp(-x))``, and "it just so
    happens that this function has a nice property: to get its derivative you just
    multiply it by 1 minus itself": ``s * (1 - s)``, with ``s`` the function's output
    at ``x`` (not ``x`` itself). ``x`` is a number or a 1-D NumPy array.

    >>> sigmoid_slope(0.0)   # s = 0.5: the steepest point of the curve
    0.25
    >>> sigmoid_slope(np.array([-2.0, 2.0]))
    array([0.10499359, 0.10499359])
    """
    s = 1 / (1 + np.exp(-np.asarray(x, dtype=float)))
    slope = s * (1 - s)
    return float(slope) if slope.ndim == 0 else slope


def squash(x):
    """The hyperbolic-tangent squash of a vote, elementwise.

    Part 4 of the talk: after a neuron adds up its weighted inputs, it squashes the sum.
    "You put a value in, let's say 0.5, you draw a vertical line up, where it crosses the
    function you draw a horizontal line over to the y axis": small votes come out nearly
    the same, big ones close to 1, big negative ones close to -1, "no matter what you put
    in, what comes out is between minus one and one". The curve is the hyperbolic
    tangent, ``(exp(x) - exp(-x)) / (exp(x) + exp(-x))``; ``x`` is a number or a 1-D
    NumPy array.

    "0.5 comes out to be just under 0.5, 0.65 comes out to be about 0.6" (exactly
    0.4621... and 0.5717...):

    >>> squash(np.array([0.5, 0.65]))
    array([0.46211716, 0.57166997])
    """
    result = np.tanh(np.asarray(x, dtype=float))
    return float(result) if result.ndim == 0 else result


def shawarma_activity(active, weights):
    """Each output neuron's activity in the shawarma-schedule network.

    Part 5 of the talk: you want to go when the shawarma guy is working. Four input
    neurons say what you observed on a day (working in the morning, off in the morning,
    working in the evening, off in the evening), 1 when you saw it, 0 otherwise; each
    output neuron is one possible schedule. ``active`` holds the 0/1 inputs and
    ``weights[i][j]`` is the weight from input ``j`` to output ``i``. "An appropriately
    simple way to do this is just take the average" of the weights from the *active*
    inputs: inactive inputs "don't contribute anything" (they are left out of the
    average, not counted as zeros). An output with no active input has activity 0.

    The talk's day: he worked in the morning and was off in the evening (inputs 0 and 3
    active); the first output's weights from them are 0.3 and 0.1, the second's 0.8 and
    0.4 (the weights from the inactive inputs do not matter):

    >>> shawarma_activity([1, 0, 0, 1], [[0.3, 0.9, 0.5, 0.1], [0.8, 0.2, 0.7, 0.4]])
    [0.2, 0.6000000000000001]
    """
    activities = []
    for row in weights:
        chosen = [w for w, a in zip(row, active) if a]
        activities.append(float(sum(chosen) / len(chosen)) if chosen else 0.0)
    return activities


def shawarma_error(active, weights, goal=1.0):
    """How wrong each output neuron is: ``goal`` minus its activity.

    Part 5 of the talk, continued: "if our neural network was perfect that would have an
    activity of one ... but it only has an activity of 0.6, so the error is 0.4". The
    bigger the error, the more the weights need to change; after an adjustment the
    activity is 0.7 and the error drops "from a point four to a point three". Return one
    error per output, ``goal - activity`` (use ``shawarma_activity``).

    >>> shawarma_error([1, 0, 0, 1], [[0.3, 0.9, 0.5, 0.1], [0.8, 0.2, 0.7, 0.4]])
    [0.8, 0.3999999999999999]
    """
    return [goal - a for a in shawarma_activity(active, weights)]


def best_guess(counts, guess, rate, iterations):
    """The best guess of the number of M&Ms in a bag, by gradient descent.

    Part 6 of the talk: one bag had 53 M&Ms, another 57. No single answer is right for
    both, so look for the answer that is least wrong: the guess whose squared deviations
    from the counts are smallest on average, ``mean((guess - counts) ** 2)``. Its slope
    with respect to the guess is ``2 * mean(guess - counts)``; take ``iterations`` steps
    downhill, ``guess = guess - rate * 2 * mean(guess - counts)``, and return the guess.
    At the bottom of the curve the slope is 0: the best guess is the average count, 55
    for the talk's two bags (a number of M&Ms no bag ever had).

    >>> best_guess([53, 57], 40.0, 0.1, 200)
    55.0
    >>> best_guess([53, 57], 40.0, 0.1, 1)  # one step: the slope at 40 is 2 * (40 - 55) = -30
    43.0
    """
    counts = np.asarray(counts, dtype=float)
    for _ in range(iterations):
        slope = 2 * np.mean(guess - counts)
        guess = guess - rate * slope
    return float(guess)
