# exercise: max_pool
# check: max_pool_diag_down
# misconception: lesson10.max_pool.max_pool_mean
import math

import numpy as np


def max_pool(image, size=2, stride=2):
    rows = max(0, math.ceil((image.shape[0] - size) / stride)) + 1
    cols = max(0, math.ceil((image.shape[1] - size) / stride)) + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.average(image[i * stride:i * stride + size, j * stride:j * stride + size])
    return out
