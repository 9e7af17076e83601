# exercise: multi_in_out_step
# misconception: lesson5.multi_in_out_step.multi_in_out_step_transposed_numpy
# message: the weight deltas are np.outer(input, deltas), indexed
import numpy as np


def multi_in_out_step(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = w.dot(x)
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * np.outer(x, deltas), predictions, deltas ** 2, deltas
