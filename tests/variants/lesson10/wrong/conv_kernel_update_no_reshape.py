# exercise: conv_kernel_update
# message: reshape it to
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    return kernels + alpha * flattened_input.T.dot(layer_1_delta)
