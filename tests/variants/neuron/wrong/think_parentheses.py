# exercise: think
# misconception: neuron.think.think_parentheses
import numpy as np


def think(inputs, weights):
    weighted_sum = inputs @ weights
    return 1 / 1 + np.exp(-weighted_sum)
