# exercise: max_pool
# check: max_pool_random
# message: a window starts at every multiple of
# misconception: lesson10.max_pool.max_pool_every_start
import numpy as np


def max_pool(image, size=2, stride=2):
    return np.array([[image[r:r + size, c:c + size].max() for c in range(0, image.shape[1], stride)]
                     for r in range(0, image.shape[0], stride)])
