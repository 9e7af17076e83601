"""Classic slips of the backpropagation talk (slopes, chaining, squashing, the shawarma
network, the M&M best guess), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("backprop")
shawarma_activity = _ref.shawarma_activity

# The reference numeric_slope; a slip changes the nudges below w, the division of the change, or the error curve.
def _slope(coeffs, w, h, below=1, over=lambda change, h: change / (2 * h), error=None):
    error = error or (lambda coeffs, weight: sum(c * weight ** k for k, c in enumerate(coeffs)))
    return over(error(coeffs, w + h) - error(coeffs, w - below * h), h)

@misconception("numeric_slope", "the slope is measured on one side only, (E(w + h) - E(w)) / h",
               "The talk's slope is the change on both sides: the error a nudge h above w minus the error a nudge h "
               "below, divided by the whole width between them, twice h.")
def numeric_slope_one_sided(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, below=0, over=lambda change, h: change / h)

@misconception("numeric_slope", "the change from w - h to w + h is divided by h, though the weight moved by 2 * h")
def numeric_slope_divided_by_h(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, over=lambda change, h: change / h)

@misconception("numeric_slope", "the change is divided by 2 and then multiplied by h: / 2 * h without parentheses",
               "Divide by the whole width between the two nudges: twice h.")
def numeric_slope_precedence(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, over=lambda change, h: change / 2 * h)

@misconception("numeric_slope", "the coefficients are read highest power first, as np.polyval reads them",
               "Here coeffs[k] goes with w to the power k, lowest power first: coeffs[0] is the constant term.")
def numeric_slope_polyval_order(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, error=np.polyval)

@misconception("numeric_slope", "the exact derivative is computed instead of the slope measured by nudging the weight "
               "h either way",
               "On a curve steeper than a parabola the two differ: use the change between the errors a nudge h above "
               "and below w, over twice h, with the h given.")
def numeric_slope_derivative(coeffs, w, h=1e-4):
    return sum(k * c * w ** (k - 1) for k, c in enumerate(coeffs) if k)

@misconception("chain_slope", "the chain multiplies x by w1 instead of w2: x * w1 is the hidden value y, not a slope",
               "The links are how y moves with w1, the input x, and how e moves with y, the second weight w2: the "
               "chain's slope is x times w2.")
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

# The logistic function (sigmoid_slope's s), on a number or an array.
def _sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))

@misconception("sigmoid_slope", "s * (1 - s) is applied to x instead of the sigmoid's output",
               "First compute the sigmoid's output at x, then multiply that output by one minus itself.")
def sigmoid_slope_of_x(x):
    x = np.asarray(x, dtype=float)
    return x * (1 - x)

@misconception("sigmoid_slope", "the sigmoid itself is returned, not its slope s * (1 - s)")
def sigmoid_slope_sigmoid(x):
    return _sigmoid(x)

@misconception("sigmoid_slope", "tanh's slope rule, 1 - s ** 2, is used for the sigmoid",
               "The sigmoid's slope is its output times one minus its output.")
def sigmoid_slope_tanh_rule(x):
    return 1 - _sigmoid(x) ** 2

@misconception("squash", "the logistic function 1 / (1 + exp(-x)) is used: it squashes between 0 and 1",
               "The talk's squash is the hyperbolic tangent, between -1 and 1 (NumPy's tanh).")
def squash_logistic(x):
    return _sigmoid(x)

@misconception("squash", "the vote is clipped to [-1, 1] instead of squashed",
               "The hyperbolic tangent bends smoothly: 0.5 comes out just under 0.5.")
def squash_clip(x):
    return np.clip(x, -1, 1)

@misconception("squash", "tanh is written as 2 * sigmoid(x) - 1, which is tanh(x / 2)",
               "tanh of x is twice the sigmoid of twice x, minus 1; or simply NumPy's own tanh.")
def squash_half_tanh(x):
    return 2 * _sigmoid(x) - 1

# The reference shawarma_activity; a slip changes which weights of a row are chosen, or how they are averaged.
def _activity(active, weights, choose=lambda row, active: [w for w, a in zip(row, active) if a],
              average=lambda chosen: sum(chosen) / len(chosen)):
    rows = [choose(row, active) for row in weights]
    return [float(average(chosen)) if chosen else 0.0 for chosen in rows]

@misconception("shawarma_activity", "the mean is taken over all the weights instead of the active ones",
               "Only the weights from active inputs count: \"these neurons don't contribute anything because those "
               "inputs aren't active\".")
def shawarma_activity_mean_of_all(active, weights):
    return _activity(active, weights, choose=lambda row, active: list(row))

@misconception("shawarma_activity", "the inactive inputs are counted as zeros: the sum over the active weights is "
               "divided by the number of all inputs")
def shawarma_activity_zeros_counted(active, weights):
    return _activity(active, weights, choose=lambda row, active: [w * a for w, a in zip(row, active)])

@misconception("shawarma_activity", "the weights from the active inputs are added up, not averaged")
def shawarma_activity_sum(active, weights):
    return _activity(active, weights, average=sum)

@misconception("shawarma_activity", "weights[i][j] is read as going from input i to output j (columns for rows)",
               "Output i averages row i of weights.")
def shawarma_activity_transposed(active, weights):
    weights = np.asarray(weights, dtype=float)
    active = np.asarray(active, dtype=float)
    count = active.sum()
    return (weights.T @ active) / count if count else np.zeros(weights.shape[1])

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

# The reference best_guess loop; a slip changes the step's sign, the slope's factor 2, or the deviations' mean.
def _descend(counts, guess, rate, iterations, sign=-1, factor=2, pool=np.mean):
    counts = np.asarray(counts, dtype=float)
    with np.errstate(all="ignore"):  # a slip's steps may overshoot and grow without end
        for _ in range(iterations):
            guess = guess + sign * rate * factor * pool(guess - counts)
    return float(guess)

@misconception("best_guess", "the deviations are summed over the bags instead of averaged",
               "The slope of the mean squared deviation is twice the mean of the guess's deviations from the counts.")
def best_guess_sum(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, iterations, pool=np.sum)

@misconception("best_guess", "the guess moves up the slope (+= instead of -=), away from the bottom of the curve")
def best_guess_uphill(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, iterations, sign=+1)

@misconception("best_guess", "the 2 of the slope is left out: rate * mean(guess - counts)",
               "The slope of a squared deviation is twice the deviation (the guess minus the count): keep the 2.")
def best_guess_no_two(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, iterations, factor=1)

@misconception("best_guess", "one step is taken, whatever the number of iterations")
def best_guess_one_step(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, min(iterations, 1))

@misconception("best_guess", "the mean count is returned at once, without the gradient-descent steps",
               "The talk finds the mean both ways; this exercise takes `iterations` steps from the guess.")
def best_guess_mean_at_once(counts, guess, rate, iterations):
    return float(sum(counts) / len(counts))
