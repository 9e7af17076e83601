# exercise: relu
# message: absolute value
import numpy as np


def relu(x):
    return np.abs(x)
