# The talk in NumPy's own terms: numpy's polynomial module, the sigmoid's slope as
# e^-x / (1 + e^-x)^2, tanh from exponentials, masked means, and the guess's steps in
# closed form (each step shrinks the distance to the mean by 1 - 2 * rate).
import numpy as np
from numpy.polynomial import polynomial as P


def numeric_slope(coeffs, w, h=1e-4):
    return float((P.polyval(w + h, coeffs) - P.polyval(w - h, coeffs)) / (2 * h))


def chain_slope(x, w1, w2):
    return np.multiply(x, w2)


def sigmoid_slope(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-x)
    return e / (1 + e) ** 2


def squash(x):
    e2 = np.exp(2 * np.asarray(x, dtype=float))
    return (e2 - 1) / (e2 + 1)


def shawarma_activity(active, weights):
    mask = np.asarray(active) == 1
    weights = np.asarray(weights, dtype=float)
    if not mask.any():
        return np.zeros(len(weights))
    return weights[:, mask].mean(axis=1)


def shawarma_error(active, weights, goal=1.0):
    return goal - np.asarray(shawarma_activity(active, weights))


def best_guess(counts, guess, rate, iterations):
    mean = np.mean(counts)
    return mean + (guess - mean) * (1 - 2 * rate) ** iterations
