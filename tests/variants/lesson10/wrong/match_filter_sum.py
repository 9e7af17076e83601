# exercise: match_filter
# check: match_filter_talk
# message: the products are added up but never
# misconception: lesson10.match_filter.match_filter_sum
import numpy as np


def match_filter(patch, feature):
    return float(np.sum(np.asarray(patch) * np.asarray(feature)))
