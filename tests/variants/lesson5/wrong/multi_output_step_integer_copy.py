# exercise: multi_output_step
# check: multi_output_step_integer_weights
# message: cut down to whole numbers
import numpy as np


def multi_output_step(input, weights, goals, alpha):
    predictions = [input * w for w in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    new_weights = np.array(weights)  # integer weights give an integer copy
    for i in range(len(new_weights)):
        new_weights[i] -= alpha * input * deltas[i]
    return new_weights, predictions, errors, deltas
