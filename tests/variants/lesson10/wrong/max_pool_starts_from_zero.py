# exercise: max_pool
# check: max_pool_random
# message: each window's max starts from 0, so
# misconception: lesson10.max_pool.max_pool_starts_from_zero
import math

import numpy as np


def max_pool(image, size=2, stride=2):
    rows = math.ceil((image.shape[0] - size) / stride) + 1
    cols = math.ceil((image.shape[1] - size) / stride) + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            best = 0
            for v in image[i * stride:i * stride + size, j * stride:j * stride + size].ravel():
                if v > best:
                    best = v
            out[i, j] = best
    return out
