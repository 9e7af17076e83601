# exercise: multi_in_out_step
# check: multi_in_out_step_integer_weights
# message: cut down to whole numbers
import numpy as np


def multi_in_out_step(input, weights, goals, alpha):
    predictions = [sum(x * w for x, w in zip(input, row)) for row in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    new_weights = np.array(weights)  # integer weights give an integer copy: floats stored in it truncate
    for i in range(len(weights)):
        for j in range(len(input)):
            new_weights[i][j] -= alpha * deltas[i] * input[j]
    return new_weights, predictions, errors, deltas
