# exercise: streetlight_sgd
# misconception: lesson6.streetlight_sgd.streetlight_sgd_after_update
# message: each row's error is measured after that
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for _ in range(iterations):
        total = 0
        for row, goal in zip(streetlights, walk_vs_stop):
            delta = row.dot(weights) - goal
            weights = weights - alpha * (row * delta)
            total += (goal - row.dot(weights)) ** 2
        errors.append(total)
    return errors
