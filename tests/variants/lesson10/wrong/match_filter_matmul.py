# exercise: match_filter
# misconception: lesson10.match_filter.match_filter_matrix_product
import numpy as np


def match_filter(patch, feature):
    return (np.array(patch) @ np.array(feature)).mean()
