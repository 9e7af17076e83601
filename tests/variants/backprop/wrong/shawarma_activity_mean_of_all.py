# exercise: shawarma_activity
# misconception: backprop.shawarma_activity.shawarma_activity_mean_of_all
# message: over all the weights instead of the active ones
import numpy as np


def shawarma_activity(active, weights):
    return np.mean(np.asarray(weights, dtype=float), axis=1)
