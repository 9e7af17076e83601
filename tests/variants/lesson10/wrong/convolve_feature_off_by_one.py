# exercise: convolve_feature
# check: convolve_feature_diag_down, convolve_feature_size
# message: the loops stop one position early (range(rows
# misconception: lesson10.convolve_feature.convolve_feature_off_by_one
import numpy as np


def convolve_feature(image, feature):
    image, feature = np.asarray(image), np.asarray(feature)
    fr, fc = feature.shape
    return [[match_filter(image[i:i + fr, j:j + fc], feature) for j in range(image.shape[1] - fc)]
            for i in range(image.shape[0] - fr)]
