# exercise: shawarma_activity
# check: shawarma_activity_talk
# misconception: backprop.shawarma_activity.shawarma_activity_zeros_counted
import numpy as np


def shawarma_activity(active, weights):
    return np.mean(np.asarray(weights, dtype=float) * np.asarray(active, dtype=float), axis=1)
