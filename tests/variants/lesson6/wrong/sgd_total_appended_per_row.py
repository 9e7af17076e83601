# exercise: streetlight_sgd
# misconception: lesson6.streetlight_sgd.streetlight_sgd_append_per_row
# The slide's listing with its print turned into an append, indented inside the row loop.
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for iteration in range(iterations):
        error_for_all_lights = 0
        for row_index in range(len(walk_vs_stop)):
            input = streetlights[row_index]
            goal_prediction = walk_vs_stop[row_index]

            prediction = input.dot(weights)

            error = (goal_prediction - prediction) ** 2
            error_for_all_lights += error

            delta = prediction - goal_prediction
            weights = weights - (alpha * (input * delta))
            errors.append(error_for_all_lights)
    return errors
