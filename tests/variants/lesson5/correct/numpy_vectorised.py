# All of lesson 5 in NumPy, returning arrays and NumPy scalars.
import numpy as np


def multi_input_step(input, weights, goal, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    prediction = x.dot(w)
    delta = prediction - goal
    weight_deltas = delta * x
    return w - alpha * weight_deltas, prediction, delta ** 2, delta, weight_deltas


def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    w = np.array(weights, dtype=float)
    mask = np.ones(len(w))
    mask[list(frozen)] = 0
    history = []
    for _ in range(iterations):
        new_w, prediction, error, delta, weight_deltas = multi_input_step(input, w, goal, alpha)
        history.append((prediction, error, w.copy()))
        w = w - alpha * weight_deltas * mask
    return history


def multi_output_step(input, weights, goals, alpha):
    w = np.asarray(weights, dtype=float)
    predictions = input * w
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * input * deltas, predictions, deltas ** 2, deltas


def outer_prod(vec_a, vec_b):
    return np.outer(vec_a, vec_b)


def multi_in_out_step(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = w @ x
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * outer_prod(deltas, x), predictions, np.square(deltas), deltas
