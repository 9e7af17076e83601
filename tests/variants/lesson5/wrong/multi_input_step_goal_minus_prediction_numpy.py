# exercise: multi_input_step
# misconception: lesson5.multi_input_step.multi_input_step_delta_sign_flip
# message: delta is taken as goal - prediction
import numpy as np


def multi_input_step(input, weights, goal, alpha):
    prediction = np.dot(input, weights)
    delta = goal - prediction
    weight_deltas = np.multiply(delta, input)
    new_weights = np.subtract(weights, alpha * weight_deltas)
    return new_weights.tolist(), prediction, delta * delta, delta, weight_deltas.tolist()
