# exercise: conv_forward
# check: conv_forward_course_size
# message: misses the last row and column of sections
# misconception: lesson10.conv_forward.conv_forward_listing_range
# The listing's range(28 - 3): 25 x 25 sections instead of 26 x 26.
import numpy as np


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    sects = list()
    for row_start in range(images.shape[1] - kernel_rows):
        for col_start in range(images.shape[2] - kernel_cols):
            sect = get_image_section(images, row_start, row_start + kernel_rows,
                                     col_start, col_start + kernel_cols)
            sects.append(sect)
    expanded_input = np.concatenate(sects, axis=1)
    es = expanded_input.shape
    flattened_input = expanded_input.reshape(es[0] * es[1], -1)
    return flattened_input, flattened_input.dot(kernels)
