# exercise: conv_kernel_update
# check: conv_kernel_update_random
# message: read kernel by kernel
# misconception: lesson10.conv_kernel_update.conv_kernel_update_kernel_major
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    num_kernels = kernels.shape[1]
    batch = layer_1_delta.shape[0]
    # reads each row as (kernels, sections) instead of (sections, kernels)
    delta = layer_1_delta.reshape(batch, num_kernels, -1).transpose(0, 2, 1).reshape(-1, num_kernels)
    return kernels + alpha * flattened_input.T.dot(delta)
