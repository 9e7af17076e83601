# exercise: match_filter
# message: sum of the products
import numpy as np


def match_filter(patch, feature):
    return float(np.sum(np.asarray(patch) * np.asarray(feature)))
