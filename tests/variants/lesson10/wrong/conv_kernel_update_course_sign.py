# exercise: conv_kernel_update
# check: conv_kernel_update_descends
# message: the listing's kernels -= alpha * k_update
# misconception: lesson10.conv_kernel_update.conv_kernel_update_listing_sign
# The course's listing (and its printed run) subtracts the update although the delta
# comes from labels - layer_2.
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    l1d_reshape = layer_1_delta.reshape(-1, kernels.shape[1])
    k_update = flattened_input.T.dot(l1d_reshape)
    return kernels - alpha * k_update
