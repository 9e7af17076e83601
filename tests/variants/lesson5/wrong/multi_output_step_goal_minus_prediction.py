# exercise: multi_output_step
# check: multi_output_step_forward
# misconception: lesson5.multi_output_step.multi_output_step_delta_sign_flip
import numpy as np


def multi_output_step(input, weights, goals, alpha):
    predictions = input * np.asarray(weights, dtype=float)
    deltas = np.asarray(goals, dtype=float) - predictions
    return weights - alpha * input * deltas, predictions, deltas ** 2, deltas
