# exercise: streetlight_sgd
# check: streetlight_sgd_first_pass
# misconception: lesson6.streetlight_sgd.streetlight_sgd_full_batch
import numpy as np


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    errors = []
    for _ in range(iterations):
        predictions = streetlights @ weights
        errors.append(float(np.sum((walk_vs_stop - predictions) ** 2)))
        deltas = predictions - walk_vs_stop
        weights = weights - alpha * (streetlights.T @ deltas) / len(walk_vs_stop)
    return errors
