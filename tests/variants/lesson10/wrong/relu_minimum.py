# exercise: relu
# misconception: lesson10.relu.relu_keeps_negatives
import numpy as np


def relu(x):
    return np.minimum(x, 0)
