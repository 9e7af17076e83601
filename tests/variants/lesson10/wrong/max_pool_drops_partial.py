# exercise: max_pool
# check: max_pool_size
# message: only whole windows are kept, so the
# misconception: lesson10.max_pool.max_pool_drops_partial
import numpy as np


def max_pool(image, size=2, stride=2):
    rows = (image.shape[0] - size) // stride + 1
    cols = (image.shape[1] - size) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out
