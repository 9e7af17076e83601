# exercise: streetlight_sgd
# message: one iteration too many
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for _ in range(iterations + 1):
        total = 0
        for row, goal in zip(streetlights, walk_vs_stop):
            prediction = row.dot(weights)
            total += (goal - prediction) ** 2
            weights = weights - alpha * row * (prediction - goal)
        errors.append(total)
    return errors
