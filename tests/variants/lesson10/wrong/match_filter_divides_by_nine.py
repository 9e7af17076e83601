# exercise: match_filter
# check: match_filter_random
# message: the sum is divided by 9 whatever
# misconception: lesson10.match_filter.match_filter_divides_by_nine
import numpy as np


def match_filter(patch, feature):
    return float(np.sum(np.asarray(patch) * np.asarray(feature)) / 9)
