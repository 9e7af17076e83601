# exercise: squash
# check: squash_number
# misconception: backprop.squash.squash_clip
import numpy as np


def squash(x):
    return np.minimum(1.0, np.maximum(-1.0, x))
