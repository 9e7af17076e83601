# exercise: conv_kernel_update
# message: alpha is left out: the kernels move
# misconception: lesson10.conv_kernel_update.conv_kernel_update_no_alpha
import numpy as np


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    k = np.shape(kernels)[1]
    grad = np.einsum("sp,sk->pk", flattened_input, np.reshape(layer_1_delta, (-1, k)))
    return np.add(kernels, grad)
