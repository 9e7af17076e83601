# lesson: lesson10
# exercise: conv_forward
# conv_forward allocates a stack of sections far beyond the memory limit (and touches it,
# so that it is really taken): the call fails under the limit, no other exercise loses.
import numpy as np


def conv_forward(layer_0, kernels, kernel_rows, kernel_cols):
    huge = np.ones((200_000, 100_000))
    return huge, huge
