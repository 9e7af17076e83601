# exercise: multi_input_step
# misconception: lesson5.multi_input_step.multi_input_step_factor_two
# The derivative of (prediction - goal) ** 2, taken with its 2.
import numpy as np


def multi_input_step(input, weights, goal, alpha):
    x, w = np.array(input, dtype=float), np.array(weights, dtype=float)
    prediction = x.dot(w)
    delta = prediction - goal
    weight_deltas = 2 * delta * x
    return w - alpha * weight_deltas, prediction, delta ** 2, delta, weight_deltas
