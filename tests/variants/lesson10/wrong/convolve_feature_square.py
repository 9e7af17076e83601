# exercise: convolve_feature
# check: convolve_feature_random
# misconception: lesson10.convolve_feature.convolve_feature_square_feature
import numpy as np


def convolve_feature(image, feature):
    k = np.shape(feature)[0]
    return [[match_filter(image[i:i + k, j:j + k], feature) for j in range(len(image[0]) - k + 1)]
            for i in range(len(image) - k + 1)]
