# exercise: conv_forward
# message: one row of pixels per section
# misconception: lesson10.conv_forward.conv_forward_stack_not_flattened
import numpy as np


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    b, h, w = images.shape
    stack = np.stack([images[:, r:r + kernel_rows, c:c + kernel_cols]
                      for r in range(h - kernel_rows + 1) for c in range(w - kernel_cols + 1)], axis=1)
    output = stack.reshape(-1, kernel_rows * kernel_cols) @ kernels
    return stack, output
