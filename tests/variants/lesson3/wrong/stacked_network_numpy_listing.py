# exercise: stacked_network
# check: stacked_network_hidden, stacked_network_non_square_integers
# misconception: lesson3.stacked_network.stacked_network_transposed
# message: as in the NumPy listing
import numpy as np


def stacked_network(input, weights):
    hid = np.dot(input, weights[0])
    return np.dot(hid, weights[1])
