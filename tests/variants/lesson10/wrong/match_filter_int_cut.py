# exercise: match_filter
# message: the mean is cut to two digits
# misconception: lesson10.match_filter.match_filter_truncated
# Keeps two digits the way the talk shows them, with int().
import numpy as np


def match_filter(patch, feature):
    mean = np.sum(np.multiply(patch, feature)) / np.size(patch)
    return int(mean * 100) / 100
