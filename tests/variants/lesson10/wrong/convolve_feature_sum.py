# exercise: convolve_feature
# check: convolve_feature_center_x
# message: each position of the map gets the
# misconception: lesson10.convolve_feature.convolve_feature_sums
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def convolve_feature(image, feature):
    windows = sliding_window_view(np.asarray(image, dtype=float), np.shape(feature))
    return (windows * np.asarray(feature)).sum(axis=(2, 3))
