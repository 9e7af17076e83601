"""Classic slips of lesson 10 (convolutions: the course's listing and the X-versus-O talk)."""

import math

import numpy as np

from . import misconception
from ..reference import load

_ref = load("lesson10")
get_image_section = _ref.get_image_section
match_filter = _ref.match_filter


# ------------------------------------------------------------------ get_image_section


@misconception("get_image_section", "the slice is returned as it is, without the reshape to (batch, 1, rows, cols)",
               "The axis of length 1 is where conv_forward lines the sections up.")
def get_image_section_no_reshape(layer, row_from, row_to, col_from, col_to):
    return layer[:, row_from:row_to, col_from:col_to]


@misconception("get_image_section", "row_to and col_to are taken as included (slices up to row_to + 1 "
                                    "and col_to + 1)")
def get_image_section_inclusive_ends(layer, row_from, row_to, col_from, col_to):
    section = layer[:, row_from:row_to + 1, col_from:col_to + 1]
    return section.reshape(section.shape[0], 1, section.shape[1], section.shape[2])


@misconception("get_image_section", "the axis of length 1 is added at the end, (batch, rows, cols, 1), "
                                    "instead of after the batch axis")
def get_image_section_axis_last(layer, row_from, row_to, col_from, col_to):
    section = layer[:, row_from:row_to, col_from:col_to]
    return section.reshape(-1, row_to - row_from, col_to - col_from, 1)


# ------------------------------------------------------------------ conv_forward


@misconception("conv_forward", "the listing's range(28 - 3) is copied as range(rows - kernel_rows), "
                               "which misses the last row and column of sections",
               "The last corner is at rows - kernel_rows, included: a 28x28 image has 26 x 26 sections of 3x3.")
def conv_forward_listing_range(images, kernels, kernel_rows, kernel_cols):
    sects = []
    for row_start in range(images.shape[1] - kernel_rows):
        for col_start in range(images.shape[2] - kernel_cols):
            sects.append(get_image_section(images, row_start, row_start + kernel_rows,
                                           col_start, col_start + kernel_cols))
    expanded_input = np.concatenate(sects, axis=1)
    flattened_input = expanded_input.reshape(-1, kernel_rows * kernel_cols)
    return flattened_input, flattened_input.dot(kernels)


@misconception("conv_forward", "the loops are nested the other way round (columns outside, rows inside), "
                               "so the sections come in column-major order",
               "The course loops over row_start outside and col_start inside.")
def conv_forward_column_major(images, kernels, kernel_rows, kernel_cols):
    sects = []
    for col_start in range(images.shape[2] - kernel_cols + 1):
        for row_start in range(images.shape[1] - kernel_rows + 1):
            sects.append(get_image_section(images, row_start, row_start + kernel_rows,
                                           col_start, col_start + kernel_cols))
    expanded_input = np.concatenate(sects, axis=1)
    flattened_input = expanded_input.reshape(-1, kernel_rows * kernel_cols)
    return flattened_input, flattened_input.dot(kernels)


@misconception("conv_forward", "kernel_output is already reshaped to (batch, -1), the listing's next step "
                               "(layer_1), instead of keeping one row per section")
def conv_forward_layer_1_shape(images, kernels, kernel_rows, kernel_cols):
    sects = []
    for row_start in range(images.shape[1] - kernel_rows + 1):
        for col_start in range(images.shape[2] - kernel_cols + 1):
            sects.append(get_image_section(images, row_start, row_start + kernel_rows,
                                           col_start, col_start + kernel_cols))
    expanded_input = np.concatenate(sects, axis=1)
    flattened_input = expanded_input.reshape(-1, kernel_rows * kernel_cols)
    return flattened_input, flattened_input.dot(kernels).reshape(images.shape[0], -1)


@misconception("conv_forward", "the concatenated stack of sections, (batch, sections, kernel_rows, kernel_cols), "
                               "is returned as flattened_input, before its reshape",
               "flattened_input has one row of pixels per section: (batch * sections, kernel_rows * kernel_cols).")
def conv_forward_stack_not_flattened(images, kernels, kernel_rows, kernel_cols):
    sects = []
    for row_start in range(images.shape[1] - kernel_rows + 1):
        for col_start in range(images.shape[2] - kernel_cols + 1):
            sects.append(get_image_section(images, row_start, row_start + kernel_rows,
                                           col_start, col_start + kernel_cols))
    expanded_input = np.concatenate(sects, axis=1)
    flattened_input = expanded_input.reshape(-1, kernel_rows * kernel_cols)
    return expanded_input, flattened_input.dot(kernels)


@misconception("conv_forward", "only the first image of the batch is cut into sections (images[0])",
               "Slice every image at once, as get_image_section does: the batch may hold several images.")
def conv_forward_first_image_only(images, kernels, kernel_rows, kernel_cols):
    image = images[0]
    rows = []
    for row_start in range(image.shape[0] - kernel_rows + 1):
        for col_start in range(image.shape[1] - kernel_cols + 1):
            rows.append(image[row_start:row_start + kernel_rows, col_start:col_start + kernel_cols].ravel())
    flattened_input = np.array(rows)
    return flattened_input, flattened_input.dot(kernels)


# ------------------------------------------------------------------ conv_kernel_update


@misconception("conv_kernel_update", "the listing's kernels -= alpha * k_update is copied: subtracting climbs "
                                     "the error, since layer_1_delta comes from labels - layer_2",
               "Add alpha times k_update, as the course does for weights_1_2.")
def conv_kernel_update_listing_sign(flattened_input, layer_1_delta, kernels, alpha):
    l1d_reshape = layer_1_delta.reshape(-1, kernels.shape[1])
    k_update = flattened_input.T.dot(l1d_reshape)
    return kernels - alpha * k_update


@misconception("conv_kernel_update", "alpha is left out: the kernels move by the whole of "
                                     "flattened_input.T.dot(delta)")
def conv_kernel_update_no_alpha(flattened_input, layer_1_delta, kernels, alpha):
    l1d_reshape = layer_1_delta.reshape(-1, kernels.shape[1])
    return kernels + flattened_input.T.dot(l1d_reshape)


@misconception("conv_kernel_update", "the deltas are read kernel by kernel, as if each row of layer_1_delta held "
                                     "all the sections of one kernel, then all those of the next",
               "Each row holds, section by section, the deltas of all the kernels: reshape it to "
               "(-1, num_kernels).")
def conv_kernel_update_kernel_major(flattened_input, layer_1_delta, kernels, alpha):
    num_kernels = kernels.shape[1]
    delta = layer_1_delta.reshape(layer_1_delta.shape[0], num_kernels, -1).transpose(0, 2, 1)
    return kernels + alpha * flattened_input.T.dot(delta.reshape(-1, num_kernels))


@misconception("conv_kernel_update", "the update is applied once per image of the batch, as the listing's "
                                     "update lines sit inside its for k in range(batch_size) loop",
               "k_update already sums over every image and position: apply it once.")
def conv_kernel_update_once_per_image(flattened_input, layer_1_delta, kernels, alpha):
    k_update = flattened_input.T.dot(layer_1_delta.reshape(-1, kernels.shape[1]))
    for k in range(len(layer_1_delta)):
        kernels = kernels + alpha * k_update
    return kernels


@misconception("conv_kernel_update", "the listing is copied as printed: kernels -= alpha * k_update, inside its "
                                     "for k in range(batch_size) loop (the wrong sign, once per image)",
               "Add alpha times k_update, once.")
def conv_kernel_update_listing_as_printed(flattened_input, layer_1_delta, kernels, alpha):
    k_update = flattened_input.T.dot(layer_1_delta.reshape(-1, kernels.shape[1]))
    for k in range(len(layer_1_delta)):
        kernels = kernels - alpha * k_update
    return kernels


# ------------------------------------------------------------------ match_filter


@misconception("match_filter", "the products are added up but never divided by the number of pixels",
               "The talk takes their mean: the sum divided by 9 for a 3x3 feature.")
def match_filter_sum(patch, feature):
    return float(np.sum(np.asarray(patch) * np.asarray(feature)))


@misconception("match_filter", "the sum is divided by 9 whatever the size of the feature",
               "Divide by the number of pixels of this patch (patch.size).")
def match_filter_divides_by_nine(patch, feature):
    return float(np.sum(np.asarray(patch) * np.asarray(feature)) / 9)


@misconception("match_filter", "the sum is divided by len(patch), which counts the rows of the patch, "
                               "not its pixels")
def match_filter_divides_by_rows(patch, feature):
    return float(np.sum(np.asarray(patch) * np.asarray(feature)) / len(patch))


@misconception("match_filter", "the mean is rounded to two digits (0.78 for 7/9)",
               "Return the exact mean; rounding is only for printing.")
def match_filter_rounded(patch, feature):
    return round(float(np.mean(np.asarray(patch) * np.asarray(feature))), 2)


@misconception("match_filter", "the mean is cut to two digits, as the talk prints it (0.77 for 7/9 = 0.7777...)",
               "Return the exact mean, not the printed digits.")
def match_filter_truncated(patch, feature):
    return math.trunc(float(np.mean(np.asarray(patch) * np.asarray(feature))) * 100) / 100


@misconception("match_filter", "the patch and the feature are multiplied as matrices (np.dot) instead of "
                               "pixel by pixel",
               "Line them up and multiply elementwise, pixel by pixel.")
def match_filter_matrix_product(patch, feature):
    return float(np.mean(np.dot(np.asarray(patch), np.asarray(feature))))


# ------------------------------------------------------------------ convolve_feature


@misconception("convolve_feature", "the loops stop one position early (range(rows - f_rows)), "
                                   "which misses the last row and column of the map",
               "A 9x9 image and a 3x3 feature give 9 - 3 + 1 = 7 positions per row.")
def convolve_feature_off_by_one(image, feature):
    fr, fc = feature.shape
    return np.array([[match_filter(image[i:i + fr, j:j + fc], feature) for j in range(image.shape[1] - fc)]
                     for i in range(image.shape[0] - fr)])


@misconception("convolve_feature", "the sizes of the talk's example are fixed in the code: a 7x7 map of 3x3 patches",
               "Use the shapes of the image and the feature given.")
def convolve_feature_talk_sizes(image, feature):
    out = np.zeros((7, 7))
    for i in range(7):
        for j in range(7):
            out[i, j] = match_filter(image[i:i + 3, j:j + 3], feature)
    return out


@misconception("convolve_feature", "the feature is taken as square: its number of rows is used for "
                                   "its width too")
def convolve_feature_square_feature(image, feature):
    f = len(feature)
    out = np.zeros((image.shape[0] - f + 1, image.shape[1] - f + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = match_filter(image[i:i + f, j:j + f], feature)
    return out


@misconception("convolve_feature", "each position of the map gets the sum of the products instead of their mean",
               "match_filter divides by the number of pixels.")
def convolve_feature_sums(image, feature):
    fr, fc = feature.shape
    out = np.zeros((image.shape[0] - fr + 1, image.shape[1] - fc + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + fr, j:j + fc] * feature)
    return out


# ------------------------------------------------------------------ max_pool


@misconception("max_pool", "only whole windows are kept, so the partial windows at the edge are dropped",
               "The talk keeps them (\"we take the max of what's there\"): a 7x7 map pools to 4x4.")
def max_pool_drops_partial(image, size=2, stride=2):
    rows = (image.shape[0] - size) // stride + 1
    cols = (image.shape[1] - size) // stride + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].max()
    return out


@misconception("max_pool", "a window starts at every multiple of stride inside the map, even after a window "
                           "has reached the edge",
               "Stop after the first window that reaches the edge (start + size >= length).")
def max_pool_every_start(image, size=2, stride=2):
    return np.array([[image[r:r + size, c:c + size].max() for c in range(0, image.shape[1], stride)]
                     for r in range(0, image.shape[0], stride)])


@misconception("max_pool", "each window's max starts from 0, so a window of negative values gives 0",
               "Start from the window's first pixel, or use .max().")
def max_pool_starts_from_zero(image, size=2, stride=2):
    def starts(length):
        found = [0]
        while found[-1] + size < length:
            found.append(found[-1] + stride)
        return found

    rows, cols = starts(image.shape[0]), starts(image.shape[1])
    out = np.zeros((len(rows), len(cols)))
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            best = 0
            for v in image[r:r + size, c:c + size].ravel():
                if v > best:
                    best = v
            out[i, j] = best
    return out


@misconception("max_pool", "the windows move by size instead of by stride")
def max_pool_steps_by_size(image, size=2, stride=2):
    def starts(length):
        found = [0]
        while found[-1] + size < length:
            found.append(found[-1] + size)
        return found

    rows, cols = starts(image.shape[0]), starts(image.shape[1])
    return np.array([[image[r:r + size, c:c + size].max() for c in cols] for r in rows])


@misconception("max_pool", "each window gives the mean of its values (average pooling) instead of their maximum")
def max_pool_mean(image, size=2, stride=2):
    def starts(length):
        found = [0]
        while found[-1] + size < length:
            found.append(found[-1] + stride)
        return found

    rows, cols = starts(image.shape[0]), starts(image.shape[1])
    return np.array([[image[r:r + size, c:c + size].mean() for c in cols] for r in rows])


# ------------------------------------------------------------------ relu


@misconception("relu", "the mask x > 0 (True/False) is returned instead of the values it keeps",
               "Multiply it by x, so that it keeps the values.")
def relu_mask(x):
    return x > 0


@misconception("relu", "the absolute value is taken: negative values flip sign instead of becoming 0")
def relu_abs(x):
    return np.abs(x)


@misconception("relu", "the negative values are kept and the positive ones become 0 (x < 0 instead of x > 0, "
                       "or np.minimum instead of np.maximum)")
def relu_keeps_negatives(x):
    return x * (x < 0)


@misconception("relu", "np.max(x, 0) is used: it takes the largest value along axis 0 instead of comparing "
                       "each value with 0",
               "NumPy's maximum (not max) compares each element with 0.")
def relu_np_max(x):
    return np.max(x, 0)
