# exercise: streetlight_sgd
# check: streetlight_sgd_final_weights
# misconception: lesson6.streetlight_sgd.streetlight_sgd_six_rows
# message: the row loop runs over range(6), the
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for _ in range(iterations):
        total = 0
        for i in range(6):
            prediction = streetlights[i].dot(weights)
            total += (walk_vs_stop[i] - prediction) ** 2
            weights = weights - alpha * streetlights[i] * (prediction - walk_vs_stop[i])
        errors.append(total)
    return errors
