# exercise: shawarma_activity
# misconception: backprop.shawarma_activity.shawarma_activity_zeros_counted
import numpy as np


def shawarma_activity(active, weights):
    return np.mean(np.asarray(weights, dtype=float) * np.asarray(active, dtype=float), axis=1)
