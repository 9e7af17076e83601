# exercise: conv_kernel_update
# misconception: lesson10.conv_kernel_update.conv_kernel_update_listing_as_printed
# The listing copied line for line: `kernels -= alpha * k_update` inside the batch loop.
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    kernels = kernels.copy()
    batch_size = layer_1_delta.shape[0]
    for k in range(batch_size):
        l1d_reshape = layer_1_delta.reshape(-1, kernels.shape[1])
        k_update = flattened_input.T.dot(l1d_reshape)
        kernels -= alpha * k_update
    return kernels
