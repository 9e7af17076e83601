# exercise: multi_input_step
# check: multi_input_step_integer_weights
# message: cut down to whole numbers
import numpy as np


def multi_input_step(input, weights, goal, alpha):
    prediction = sum(x * w for x, w in zip(input, weights))
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [delta * x for x in input]
    new_weights = np.array(weights)  # integer weights give an integer copy
    for i in range(len(new_weights)):
        new_weights[i] -= alpha * weight_deltas[i]
    return new_weights, prediction, error, delta, weight_deltas
