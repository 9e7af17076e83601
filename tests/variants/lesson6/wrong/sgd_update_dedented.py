# exercise: streetlight_sgd
# check: streetlight_sgd_last_pass
# misconception: lesson6.streetlight_sgd.streetlight_sgd_update_dedented
# message: the delta and update lines sit after
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for _ in range(iterations):
        error_for_all_lights = 0
        for row_index in range(len(walk_vs_stop)):
            input = streetlights[row_index]
            goal_prediction = walk_vs_stop[row_index]
            prediction = input.dot(weights)
            error_for_all_lights += (goal_prediction - prediction) ** 2
        delta = prediction - goal_prediction
        weights = weights - (alpha * (input * delta))
        errors.append(error_for_all_lights)
    return errors
