# exercise: conv_forward
# check: conv_forward_random
# misconception: lesson10.conv_forward.conv_forward_first_image_only
# Written for one image: the rest of the batch is never looked at.
import numpy as np


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    img = images[0]
    height, width = img.shape
    flat = [img[r:r + kernel_rows, c:c + kernel_cols].flatten()
            for r in range(height - kernel_rows + 1) for c in range(width - kernel_cols + 1)]
    flat = np.array(flat)
    return flat, np.dot(flat, kernels)
