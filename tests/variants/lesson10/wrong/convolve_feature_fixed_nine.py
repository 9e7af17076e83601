# exercise: convolve_feature
# check: convolve_feature_random
# message: the sizes of the talk's example are
# misconception: lesson10.convolve_feature.convolve_feature_talk_sizes
import numpy as np


def convolve_feature(image, feature):
    out = np.zeros((7, 7))
    for i in range(7):
        for j in range(7):
            out[i, j] = match_filter(image[i:i + 3, j:j + 3], feature)
    return out
