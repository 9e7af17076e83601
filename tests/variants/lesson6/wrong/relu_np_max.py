# exercise: relu
# misconception: lesson6.relu.relu_np_max
import numpy as np


def relu(x):
    return np.amax(x, 0)
