# The course's habits: kernels updated in place, sections taken with the listing's loops.
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    l1d_reshape = layer_1_delta.reshape(-1, kernels.shape[1])
    k_update = flattened_input.T.dot(l1d_reshape)
    kernels += alpha * k_update
    return kernels


def relu(x):
    x[x < 0] = 0
    return x
