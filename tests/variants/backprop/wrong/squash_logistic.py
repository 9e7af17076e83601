# exercise: squash
# check: squash_talk
# misconception: backprop.squash.squash_logistic
# message: between 0 and 1
import numpy as np


def squash(x):
    return 1 / (1 + np.exp(-x))
