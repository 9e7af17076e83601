# exercise: relu
# check: relu_hidden_layer
# misconception: lesson6.relu.relu_absolute
# message: absolute value
import numpy as np


def relu(x):
    return np.abs(x)
