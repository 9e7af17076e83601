# exercise: conv_forward
# message: kernel_output is already reshaped to (batch, -1)
# misconception: lesson10.conv_forward.conv_forward_layer_1_shape
import numpy as np


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    sects = []
    for row_start in range(images.shape[1] - kernel_rows + 1):
        for col_start in range(images.shape[2] - kernel_cols + 1):
            sects.append(get_image_section(images, row_start, row_start + kernel_rows,
                                           col_start, col_start + kernel_cols))
    expanded_input = np.concatenate(sects, axis=1)
    es = expanded_input.shape
    flattened_input = expanded_input.reshape(es[0] * es[1], -1)
    return flattened_input, flattened_input.dot(kernels).reshape(es[0], -1)
