"""Classic slips of the backpropagation talk (slopes, chaining, squashing, the shawarma
network, the M&M best guess), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("backprop")
shawarma_activity = _ref.shawarma_activity


# ------------------------------------------------------------------ numeric_slope


@misconception("numeric_slope", "the slope is measured on one side only, (E(w + h) - E(w)) / h",
               "The talk's slope is the change on both sides: the error a nudge h above w minus the error a "
               "nudge h below, divided by the whole width between them, twice h.")
def numeric_slope_one_sided(coeffs, w, h=1e-4):
    def error(weight):
        return sum(c * weight ** k for k, c in enumerate(coeffs))

    return (error(w + h) - error(w)) / h


@misconception("numeric_slope", "the change from w - h to w + h is divided by h, though the weight moved by 2 * h")
def numeric_slope_divided_by_h(coeffs, w, h=1e-4):
    def error(weight):
        return sum(c * weight ** k for k, c in enumerate(coeffs))

    return (error(w + h) - error(w - h)) / h


@misconception("numeric_slope", "the change is divided by 2 and then multiplied by h: / 2 * h without parentheses",
               "Divide by the whole width between the two nudges: twice h.")
def numeric_slope_precedence(coeffs, w, h=1e-4):
    def error(weight):
        return sum(c * weight ** k for k, c in enumerate(coeffs))

    return (error(w + h) - error(w - h)) / 2 * h


@misconception("numeric_slope", "the coefficients are read highest power first, as np.polyval reads them",
               "Here coeffs[k] goes with w to the power k, lowest power first: coeffs[0] is the "
               "constant term.")
def numeric_slope_polyval_order(coeffs, w, h=1e-4):
    return (np.polyval(coeffs, w + h) - np.polyval(coeffs, w - h)) / (2 * h)


@misconception("numeric_slope", "the exact derivative is computed instead of the slope measured by nudging the "
               "weight h either way", "On a curve steeper than a parabola the two differ: use "
               "the change between the errors a nudge h above and below w, over twice h, with the h given.")
def numeric_slope_derivative(coeffs, w, h=1e-4):
    return sum(k * c * w ** (k - 1) for k, c in enumerate(coeffs) if k)


# ------------------------------------------------------------------ chain_slope


@misconception("chain_slope", "the chain multiplies x by w1 instead of w2: x * w1 is the hidden value y, not a slope",
               "The links are how y moves with w1, the input x, and how e moves with y, the second "
               "weight w2: the chain's slope is x times w2.")
def chain_slope_x_w1(x, w1, w2):
    return x * w1


@misconception("chain_slope", "only the last link is kept: de/dy = w2, without dy/dw1 = x")
def chain_slope_last_link(x, w1, w2):
    return w2


@misconception("chain_slope", "only the first link is kept: dy/dw1 = x, without de/dy = w2")
def chain_slope_first_link(x, w1, w2):
    return x


@misconception("chain_slope", "the error itself, x * w1 * w2, is returned instead of its slope")
def chain_slope_error(x, w1, w2):
    return x * w1 * w2


# ------------------------------------------------------------------ sigmoid_slope


@misconception("sigmoid_slope", "s * (1 - s) is applied to x instead of the sigmoid's output",
               "First compute the sigmoid's output at x, then multiply that output by one minus itself.")
def sigmoid_slope_of_x(x):
    x = np.asarray(x, dtype=float)
    return x * (1 - x)


@misconception("sigmoid_slope", "the sigmoid itself is returned, not its slope s * (1 - s)")
def sigmoid_slope_sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


@misconception("sigmoid_slope", "tanh's slope rule, 1 - s ** 2, is used for the sigmoid",
               "The sigmoid's slope is its output times one minus its output.")
def sigmoid_slope_tanh_rule(x):
    s = 1 / (1 + np.exp(-np.asarray(x, dtype=float)))
    return 1 - s ** 2


# ------------------------------------------------------------------ squash


@misconception("squash", "the logistic function 1 / (1 + exp(-x)) is used: it squashes between 0 and 1",
               "The talk's squash is the hyperbolic tangent, between -1 and 1 (NumPy's tanh).")
def squash_logistic(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


@misconception("squash", "the vote is clipped to [-1, 1] instead of squashed",
               "The hyperbolic tangent bends smoothly: 0.5 comes out just under 0.5.")
def squash_clip(x):
    return np.clip(x, -1, 1)


@misconception("squash", "tanh is written as 2 * sigmoid(x) - 1, which is tanh(x / 2)",
               "tanh of x is twice the sigmoid of twice x, minus 1; or simply NumPy's own tanh.")
def squash_half_tanh(x):
    return 2 / (1 + np.exp(-np.asarray(x, dtype=float))) - 1


# ------------------------------------------------------------------ shawarma_activity


@misconception("shawarma_activity", "the mean is taken over all the weights instead of the active ones",
               "Only the weights from active inputs count: \"these neurons don't contribute anything because "
               "those inputs aren't active\".")
def shawarma_activity_mean_of_all(active, weights):
    return [sum(row) / len(row) for row in weights]


@misconception("shawarma_activity", "the inactive inputs are counted as zeros: the sum over the active weights is "
               "divided by the number of all inputs")
def shawarma_activity_zeros_counted(active, weights):
    return [sum(w * a for w, a in zip(row, active)) / len(active) for row in weights]


@misconception("shawarma_activity", "the weights from the active inputs are added up, not averaged")
def shawarma_activity_sum(active, weights):
    return [sum(w * a for w, a in zip(row, active)) for row in weights]


@misconception("shawarma_activity", "weights[i][j] is read as going from input i to output j (columns for rows)",
               "Output i averages row i of weights.")
def shawarma_activity_transposed(active, weights):
    weights = np.asarray(weights, dtype=float)
    active = np.asarray(active, dtype=float)
    count = active.sum()
    return (weights.T @ active) / count if count else np.zeros(weights.shape[1])


# ------------------------------------------------------------------ shawarma_error


@misconception("shawarma_error", "the error is taken as activity - goal",
               "The talk's error is goal minus activity: 1 - 0.6 = 0.4.")
def shawarma_error_reversed(active, weights, goal=1.0):
    return [a - goal for a in shawarma_activity(active, weights)]


@misconception("shawarma_error", "the error is squared: the talk's error is goal - activity, as it is")
def shawarma_error_squared(active, weights, goal=1.0):
    return [(goal - a) ** 2 for a in shawarma_activity(active, weights)]


@misconception("shawarma_error", "the goal is always taken as 1 instead of the goal given")
def shawarma_error_goal_one(active, weights, goal=1.0):
    return [1 - a for a in shawarma_activity(active, weights)]


# ------------------------------------------------------------------ best_guess


@misconception("best_guess", "the deviations are summed over the bags instead of averaged",
               "The slope of the mean squared deviation is twice the mean of the guess's deviations from the counts.")
def best_guess_sum(counts, guess, rate, iterations):
    counts = np.asarray(counts, dtype=float)
    with np.errstate(all="ignore"):  # with many bags the steps overshoot and grow without end
        for _ in range(iterations):
            guess = guess - rate * 2 * np.sum(guess - counts)
    return float(guess)


@misconception("best_guess", "the guess moves up the slope (+= instead of -=), away from the bottom of the curve")
def best_guess_uphill(counts, guess, rate, iterations):
    counts = np.asarray(counts, dtype=float)
    with np.errstate(all="ignore"):
        for _ in range(iterations):
            guess = guess + rate * 2 * np.mean(guess - counts)
    return float(guess)


@misconception("best_guess", "the 2 of the slope is left out: rate * mean(guess - counts)",
               "The slope of a squared deviation is twice the deviation (the guess minus the count): "
               "keep the 2.")
def best_guess_no_two(counts, guess, rate, iterations):
    counts = np.asarray(counts, dtype=float)
    for _ in range(iterations):
        guess = guess - rate * np.mean(guess - counts)
    return float(guess)


@misconception("best_guess", "one step is taken, whatever the number of iterations")
def best_guess_one_step(counts, guess, rate, iterations):
    counts = np.asarray(counts, dtype=float)
    if iterations == 0:
        return float(guess)
    return float(guess - rate * 2 * np.mean(guess - counts))


@misconception("best_guess", "the mean count is returned at once, without the gradient-descent steps",
               "The talk finds the mean both ways; this exercise takes `iterations` steps from the guess.")
def best_guess_mean_at_once(counts, guess, rate, iterations):
    return float(sum(counts) / len(counts))
