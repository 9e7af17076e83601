# exercise: multi_in_out_step
# misconception: lesson5.multi_in_out_step.multi_in_out_step_delta_sign_flip
# message: the deltas are taken as goals[i] -
import numpy as np


def multi_in_out_step(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = w @ x
    deltas = np.asarray(goals, dtype=float) - predictions
    return w - alpha * np.outer(deltas, x), predictions, deltas ** 2, deltas
