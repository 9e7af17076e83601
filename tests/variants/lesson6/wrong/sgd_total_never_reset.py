# exercise: streetlight_sgd
# check: streetlight_sgd_trace
# misconception: lesson6.streetlight_sgd.streetlight_sgd_total_never_reset
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors, total = [], 0.0
    for _ in range(iterations):
        for row, goal in zip(streetlights, walk_vs_stop):
            prediction = row @ weights
            total += (goal - prediction) ** 2
            weights = weights - alpha * (prediction - goal) * row
        errors.append(total)
    return errors
