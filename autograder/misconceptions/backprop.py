"""Classic slips of the backpropagation talk (slopes, chaining, squashing, the shawarma
network, the M&M best guess), as the grader recognises them."""

import numpy as np

from ..reference import load

_ref = load("backprop")
shawarma_activity = _ref.shawarma_activity

# The reference numeric_slope; a slip changes the nudges below w, the division of the change, or the error curve.
def _slope(coeffs, w, h, below=1, over=lambda change, h: change / (2 * h), error=None):
    error = error or (lambda coeffs, weight: sum(c * weight ** k for k, c in enumerate(coeffs)))
    return over(error(coeffs, w + h) - error(coeffs, w - below * h), h)

def numeric_slope_one_sided(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, below=0, over=lambda change, h: change / h)

def numeric_slope_divided_by_h(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, over=lambda change, h: change / h)

def numeric_slope_precedence(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, over=lambda change, h: change / 2 * h)

def numeric_slope_polyval_order(coeffs, w, h=1e-4):
    return _slope(coeffs, w, h, error=np.polyval)

def numeric_slope_derivative(coeffs, w, h=1e-4):
    return sum(k * c * w ** (k - 1) for k, c in enumerate(coeffs) if k)

def chain_slope_x_w1(x, w1, w2):
    return x * w1

def chain_slope_last_link(x, w1, w2):
    return w2

def chain_slope_first_link(x, w1, w2):
    return x

def chain_slope_error(x, w1, w2):
    return x * w1 * w2

# The logistic function (sigmoid_slope's s), on a number or an array.
def _sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))

def sigmoid_slope_of_x(x):
    x = np.asarray(x, dtype=float)
    return x * (1 - x)

def sigmoid_slope_sigmoid(x):
    return _sigmoid(x)

def sigmoid_slope_tanh_rule(x):
    return 1 - _sigmoid(x) ** 2

def squash_logistic(x):
    return _sigmoid(x)

def squash_clip(x):
    return np.clip(x, -1, 1)

def squash_half_tanh(x):
    return 2 * _sigmoid(x) - 1

# The reference shawarma_activity; a slip changes which weights of a row are chosen, or how they are averaged.
def _activity(active, weights, choose=lambda row, active: [w for w, a in zip(row, active) if a],
              average=lambda chosen: sum(chosen) / len(chosen)):
    rows = [choose(row, active) for row in weights]
    return [float(average(chosen)) if chosen else 0.0 for chosen in rows]

def shawarma_activity_mean_of_all(active, weights):
    return _activity(active, weights, choose=lambda row, active: list(row))

def shawarma_activity_zeros_counted(active, weights):
    return _activity(active, weights, choose=lambda row, active: [w * a for w, a in zip(row, active)])

def shawarma_activity_sum(active, weights):
    return _activity(active, weights, average=sum)

def shawarma_activity_transposed(active, weights):
    weights = np.asarray(weights, dtype=float)
    active = np.asarray(active, dtype=float)
    count = active.sum()
    return (weights.T @ active) / count if count else np.zeros(weights.shape[1])

def shawarma_error_reversed(active, weights, goal=1.0):
    return [a - goal for a in shawarma_activity(active, weights)]

def shawarma_error_squared(active, weights, goal=1.0):
    return [(goal - a) ** 2 for a in shawarma_activity(active, weights)]

def shawarma_error_goal_one(active, weights, goal=1.0):
    return [1 - a for a in shawarma_activity(active, weights)]

# The reference best_guess loop; a slip changes the step's sign, the slope's factor 2, or the deviations' mean.
def _descend(counts, guess, rate, iterations, sign=-1, factor=2, pool=np.mean):
    counts = np.asarray(counts, dtype=float)
    with np.errstate(all="ignore"):  # a slip's steps may overshoot and grow without end
        for _ in range(iterations):
            guess = guess + sign * rate * factor * pool(guess - counts)
    return float(guess)

def best_guess_sum(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, iterations, pool=np.sum)

def best_guess_uphill(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, iterations, sign=+1)

def best_guess_no_two(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, iterations, factor=1)

def best_guess_one_step(counts, guess, rate, iterations):
    return _descend(counts, guess, rate, min(iterations, 1))

def best_guess_mean_at_once(counts, guess, rate, iterations):
    return float(sum(counts) / len(counts))
