# exercise: streetlight_sgd
# misconception: lesson6.streetlight_sgd.streetlight_sgd_sign_flip
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for _ in range(iterations):
        total = 0
        for row, goal in zip(streetlights, walk_vs_stop):
            prediction = row.dot(weights)
            total += (goal - prediction) ** 2
            weights = weights + alpha * (row * (prediction - goal))
        errors.append(total)
    return errors
