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
# The reference conv_forward, with the last corner's offset, order(corners) and result(expanded, flattened, output).
def _conv_forward(images, kernels, kernel_rows, kernel_cols, last=1, order=None, result=None):
    images = np.asarray(images, dtype=float)
    corners = [(row_start, col_start) for row_start in range(images.shape[1] - kernel_rows + last)
               for col_start in range(images.shape[2] - kernel_cols + last)]
    sections = [get_image_section(images, row_start, row_start + kernel_rows, col_start, col_start + kernel_cols)
                for row_start, col_start in (corners if order is None else order(corners))]
    expanded_input = np.concatenate(sections, axis=1)
    flattened_input = expanded_input.reshape(-1, kernel_rows * kernel_cols)
    kernel_output = flattened_input.dot(kernels)
    if result is None:
        return flattened_input, kernel_output
    return result(expanded_input, flattened_input, kernel_output)


@misconception("conv_forward", "the listing's range(28 - 3) is copied as range(rows - kernel_rows), "
                               "which misses the last row and column of sections",
               "The last corner is at rows - kernel_rows, included: a 28x28 image has 26 x 26 sections of 3x3.")
def conv_forward_listing_range(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols, last=0)


@misconception("conv_forward", "the loops are nested the other way round (columns outside, rows inside), "
                               "so the sections come in column-major order",
               "The course loops over row_start outside and col_start inside.")
def conv_forward_column_major(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols,
                         order=lambda corners: sorted(corners, key=lambda corner: corner[::-1]))


@misconception("conv_forward", "kernel_output is already reshaped to (batch, -1), the listing's next step "
                               "(layer_1), instead of keeping one row per section")
def conv_forward_layer_1_shape(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols, result=lambda expanded, flattened, output: (
        flattened, output.reshape(images.shape[0], -1)))


@misconception("conv_forward", "the concatenated stack of sections, (batch, sections, kernel_rows, kernel_cols), "
                               "is returned as flattened_input, before its reshape",
               "flattened_input has one row of pixels per section: (batch * sections, kernel_rows * kernel_cols).")
def conv_forward_stack_not_flattened(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols,
                         result=lambda expanded, flattened, output: (expanded, output))


@misconception("conv_forward", "only the first image of the batch is cut into sections (images[0])",
               "Slice every image at once, as get_image_section does: the batch may hold several images.")
def conv_forward_first_image_only(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images[:1], kernels, kernel_rows, kernel_cols)


# ------------------------------------------------------------------ conv_kernel_update
# The reference update, with the sign, read(layer_1_delta, num_kernels) and how many times it is applied.
def _kernel_update(flattened_input, layer_1_delta, kernels, alpha, sign=1, times=1, read=None):
    num_kernels = kernels.shape[1]
    delta = layer_1_delta.reshape(-1, num_kernels) if read is None else read(layer_1_delta, num_kernels)
    k_update = flattened_input.T.dot(delta)
    for k in range(times):
        kernels = kernels + sign * alpha * k_update
    return kernels


@misconception("conv_kernel_update", "the listing's kernels -= alpha * k_update is copied: subtracting climbs "
                                     "the error, since layer_1_delta comes from labels - layer_2",
               "Add alpha times k_update, as the course does for weights_1_2.")
def conv_kernel_update_listing_sign(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, sign=-1)


@misconception("conv_kernel_update", "alpha is left out: the kernels move by the whole of "
                                     "flattened_input.T.dot(delta)")
def conv_kernel_update_no_alpha(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, 1)


@misconception("conv_kernel_update", "the deltas are read kernel by kernel, as if each row of layer_1_delta held "
                                     "all the sections of one kernel, then all those of the next",
               "Each row holds, section by section, the deltas of all the kernels: reshape it to "
               "(-1, num_kernels).")
def conv_kernel_update_kernel_major(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, read=lambda delta, num_kernels: (
        delta.reshape(delta.shape[0], num_kernels, -1).transpose(0, 2, 1).reshape(-1, num_kernels)))


@misconception("conv_kernel_update", "the update is applied once per image of the batch, as the listing's "
                                     "update lines sit inside its for k in range(batch_size) loop",
               "k_update already sums over every image and position: apply it once.")
def conv_kernel_update_once_per_image(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, times=len(layer_1_delta))


@misconception("conv_kernel_update", "the listing is copied as printed: kernels -= alpha * k_update, inside its "
                                     "for k in range(batch_size) loop (the wrong sign, once per image)",
               "Add alpha times k_update, once.")
def conv_kernel_update_listing_as_printed(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, sign=-1, times=len(layer_1_delta))


# ------------------------------------------------------------------ match_filter
# The reference mean of the products, with combine(patch, feature) and the count it divides by as parameters.
def _match(patch, feature, count=None, combine=np.multiply):
    products = combine(np.asarray(patch, dtype=float), np.asarray(feature, dtype=float))
    return float(products.sum() / (products.size if count is None else count))


@misconception("match_filter", "the products are added up but never divided by the number of pixels",
               "The talk takes their mean: the sum divided by 9 for a 3x3 feature.")
def match_filter_sum(patch, feature):
    return _match(patch, feature, count=1)


@misconception("match_filter", "the sum is divided by 9 whatever the size of the feature",
               "Divide by the number of pixels of this patch (patch.size).")
def match_filter_divides_by_nine(patch, feature):
    return _match(patch, feature, count=9)


@misconception("match_filter", "the sum is divided by len(patch), which counts the rows of the patch, "
                               "not its pixels")
def match_filter_divides_by_rows(patch, feature):
    return _match(patch, feature, count=len(patch))


@misconception("match_filter", "the mean is rounded to two digits (0.78 for 7/9)",
               "Return the exact mean; rounding is only for printing.")
def match_filter_rounded(patch, feature):
    return round(_match(patch, feature), 2)


@misconception("match_filter", "the mean is cut to two digits, as the talk prints it (0.77 for 7/9 = 0.7777...)",
               "Return the exact mean, not the printed digits.")
def match_filter_truncated(patch, feature):
    return math.trunc(_match(patch, feature) * 100) / 100


@misconception("match_filter", "the patch and the feature are multiplied as matrices (np.dot) instead of "
                               "pixel by pixel",
               "Line them up and multiply elementwise, pixel by pixel.")
def match_filter_matrix_product(patch, feature):
    return _match(patch, feature, combine=np.dot)


# ------------------------------------------------------------------ convolve_feature
# The reference map, with the patches' shape, the map's shape and score(patch, feature) as parameters.
def _convolve(image, feature, patch_shape=None, map_shape=None, score=None):
    image = np.asarray(image, dtype=float)
    feature = np.asarray(feature, dtype=float)
    f_rows, f_cols = feature.shape if patch_shape is None else patch_shape
    out_rows, out_cols = (image.shape[0] - f_rows + 1, image.shape[1] - f_cols + 1) if map_shape is None else map_shape
    feature_map = np.zeros((out_rows, out_cols))
    for i in range(out_rows):
        for j in range(out_cols):
            feature_map[i, j] = (score or match_filter)(image[i:i + f_rows, j:j + f_cols], feature)
    return feature_map


@misconception("convolve_feature", "the loops stop one position early (range(rows - f_rows)), "
                                   "which misses the last row and column of the map",
               "A 9x9 image and a 3x3 feature give 9 - 3 + 1 = 7 positions per row.")
def convolve_feature_off_by_one(image, feature):
    return _convolve(image, feature, map_shape=np.subtract(np.shape(image), np.shape(feature)))


@misconception("convolve_feature", "the sizes of the talk's example are fixed in the code: a 7x7 map of 3x3 patches",
               "Use the shapes of the image and the feature given.")
def convolve_feature_talk_sizes(image, feature):
    return _convolve(image, feature, patch_shape=(3, 3), map_shape=(7, 7))


@misconception("convolve_feature", "the feature is taken as square: its number of rows is used for "
                                   "its width too")
def convolve_feature_square_feature(image, feature):
    return _convolve(image, feature, patch_shape=(len(feature), len(feature)))


@misconception("convolve_feature", "each position of the map gets the sum of the products instead of their mean",
               "match_filter divides by the number of pixels.")
def convolve_feature_sums(image, feature):
    return _convolve(image, feature, score=lambda patch, feature: np.sum(patch * feature))


# ------------------------------------------------------------------ max_pool
# The reference pooling, with the window starts, starts(length), and pool(window) as parameters.
def _max_pool(image, size, stride, starts=None, pool=None):
    image = np.asarray(image, dtype=float)

    def reaching_the_edge(length):
        found = [0]
        while found[-1] + size < length:
            found.append(found[-1] + stride)
        return found

    starts = starts or reaching_the_edge
    row_starts, col_starts = starts(image.shape[0]), starts(image.shape[1])
    pooled = np.zeros((len(row_starts), len(col_starts)))
    for i, r in enumerate(row_starts):
        for j, c in enumerate(col_starts):
            window = image[r:r + size, c:c + size]
            pooled[i, j] = window.max() if pool is None else pool(window)
    return pooled


@misconception("max_pool", "only whole windows are kept, so the partial windows at the edge are dropped",
               "The talk keeps them (\"we take the max of what's there\"): a 7x7 map pools to 4x4.")
def max_pool_drops_partial(image, size=2, stride=2):
    return _max_pool(image, size, stride, starts=lambda length: range(0, length - size + 1, stride))


@misconception("max_pool", "a window starts at every multiple of stride inside the map, even after a window "
                           "has reached the edge",
               "Stop after the first window that reaches the edge (start + size >= length).")
def max_pool_every_start(image, size=2, stride=2):
    return _max_pool(image, size, stride, starts=lambda length: range(0, length, stride))


@misconception("max_pool", "each window's max starts from 0, so a window of negative values gives 0",
               "Start from the window's first pixel, or use .max().")
def max_pool_starts_from_zero(image, size=2, stride=2):
    return _max_pool(image, size, stride, pool=lambda window: max(0.0, window.max()))


@misconception("max_pool", "the windows move by size instead of by stride")
def max_pool_steps_by_size(image, size=2, stride=2):
    return _max_pool(image, size, size)


@misconception("max_pool", "each window gives the mean of its values (average pooling) instead of their maximum")
def max_pool_mean(image, size=2, stride=2):
    return _max_pool(image, size, stride, pool=lambda window: window.mean())


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
