# exercise: conv_kernel_update
# check: conv_kernel_update_random
# misconception: lesson10.conv_kernel_update.conv_kernel_update_once_per_image
# The listing's update lines sit inside its `for k in range(batch_size):` loop.
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    batch_size = len(layer_1_delta)
    kernels = np.array(kernels, dtype=float)
    for k in range(batch_size):
        l1d_reshape = layer_1_delta.reshape(flattened_input.shape[0], -1)
        k_update = flattened_input.T.dot(l1d_reshape)
        kernels += alpha * k_update
    return kernels
