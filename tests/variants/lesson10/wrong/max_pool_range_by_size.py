# exercise: max_pool
# check: max_pool_random
# misconception: lesson10.max_pool.max_pool_steps_by_size
import numpy as np


def max_pool(image, size=2, stride=2):
    return np.array([[image[r:r + size, c:c + size].max() for c in range(0, image.shape[1], size)]
                     for r in range(0, image.shape[0], size)])
