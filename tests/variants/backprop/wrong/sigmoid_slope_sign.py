# exercise: sigmoid_slope
# check: sigmoid_slope_array
# s * (s - 1): the slope's sign lost.
import numpy as np


def sigmoid_slope(x):
    s = 1 / (1 + np.exp(-x))
    return s * (s - 1)
