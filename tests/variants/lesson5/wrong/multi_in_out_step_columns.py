# exercise: multi_in_out_step
# check: multi_in_out_step_forward
# misconception: lesson5.multi_in_out_step.multi_in_out_step_columns
# message: the predictions read the columns of weights
import numpy as np


def multi_in_out_step(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = x.dot(w)
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * np.outer(deltas, x), predictions, deltas ** 2, deltas
