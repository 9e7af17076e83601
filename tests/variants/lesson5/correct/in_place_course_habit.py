# The course's habit of updating the caller's weights in place: values right, arguments changed.
# (An integer array cannot hold the new weights in place: it is copied as floats first.)
import numpy as np


def _floats(weights):
    """The caller's list itself; an array as floats (an integer array would truncate)."""
    return weights if isinstance(weights, list) else np.asarray(weights, dtype=float)

def multi_input_step(input, weights, goal, alpha):
    pred = 0
    for i in range(len(input)):
        pred += input[i] * weights[i]
    error = (pred - goal) ** 2
    delta = pred - goal
    weight_deltas = [delta * x for x in input]
    weights = _floats(weights)
    for i in range(len(weights)):
        weights[i] -= alpha * weight_deltas[i]
    return weights, pred, error, delta, weight_deltas


def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    weights = _floats(weights)
    history = []
    for _ in range(iterations):
        before = list(weights)
        kept = [weights[i] for i in frozen]
        _, pred, error, _, _ = multi_input_step(input, weights, goal, alpha)
        for i, value in zip(frozen, kept):
            weights[i] = value
        history.append((pred, error, before))
    return history


def multi_output_step(input, weights, goals, alpha):
    preds = [input * w for w in weights]
    errors = [(p - g) ** 2 for p, g in zip(preds, goals)]
    deltas = [p - g for p, g in zip(preds, goals)]
    weights = _floats(weights)
    for i in range(len(weights)):
        weights[i] -= alpha * input * deltas[i]
    return weights, preds, errors, deltas


def multi_in_out_step(input, weights, goals, alpha):
    preds = [sum(input[j] * weights[i][j] for j in range(len(input))) for i in range(len(weights))]
    errors = [(p - g) ** 2 for p, g in zip(preds, goals)]
    deltas = [p - g for p, g in zip(preds, goals)]
    weight_deltas = outer_prod(deltas, input)
    weights = _floats(weights)
    for i in range(len(weights)):
        for j in range(len(weights[0])):
            weights[i][j] -= alpha * weight_deltas[i][j]
    return weights, preds, errors, deltas
