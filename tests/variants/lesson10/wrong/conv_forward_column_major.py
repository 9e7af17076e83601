# exercise: conv_forward
# check: conv_forward_identity_kernels
# message: column-major order
# misconception: lesson10.conv_forward.conv_forward_column_major
import numpy as np


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    sects = []
    for col_start in range(images.shape[2] - kernel_cols + 1):
        for row_start in range(images.shape[1] - kernel_rows + 1):
            sects.append(get_image_section(images, row_start, row_start + kernel_rows,
                                           col_start, col_start + kernel_cols))
    expanded_input = np.concatenate(sects, axis=1)
    flattened_input = expanded_input.reshape(-1, kernel_rows * kernel_cols)
    return flattened_input, flattened_input.dot(kernels)
