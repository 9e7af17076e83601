# exercise: match_filter
# message: rounded to two digits
import numpy as np


def match_filter(patch, feature):
    return round(float(np.mean(np.asarray(patch) * np.asarray(feature))), 2)
