"""Classic slips of lesson 10 (convolutions: the course's listing and the X-versus-O talk)."""

import math

import numpy as np

from ..reference import load

_ref = load("lesson10")
get_image_section = _ref.get_image_section
match_filter = _ref.match_filter


# ------------------------------------------------------------------ get_image_section
def get_image_section_no_reshape(layer, row_from, row_to, col_from, col_to):
    return layer[:, row_from:row_to, col_from:col_to]

def get_image_section_inclusive_ends(layer, row_from, row_to, col_from, col_to):
    section = layer[:, row_from:row_to + 1, col_from:col_to + 1]
    return section.reshape(section.shape[0], 1, section.shape[1], section.shape[2])

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


def conv_forward_listing_range(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols, last=0)

def conv_forward_column_major(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols,
                         order=lambda corners: sorted(corners, key=lambda corner: corner[::-1]))

def conv_forward_layer_1_shape(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols, result=lambda expanded, flattened, output: (
        flattened, output.reshape(images.shape[0], -1)))

def conv_forward_stack_not_flattened(images, kernels, kernel_rows, kernel_cols):
    return _conv_forward(images, kernels, kernel_rows, kernel_cols,
                         result=lambda expanded, flattened, output: (expanded, output))

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


def conv_kernel_update_listing_sign(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, sign=-1)

def conv_kernel_update_no_alpha(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, 1)

def conv_kernel_update_kernel_major(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, read=lambda delta, num_kernels: (
        delta.reshape(delta.shape[0], num_kernels, -1).transpose(0, 2, 1).reshape(-1, num_kernels)))

def conv_kernel_update_once_per_image(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, times=len(layer_1_delta))

def conv_kernel_update_listing_as_printed(flattened_input, layer_1_delta, kernels, alpha):
    return _kernel_update(flattened_input, layer_1_delta, kernels, alpha, sign=-1, times=len(layer_1_delta))


# ------------------------------------------------------------------ match_filter
# The reference mean of the products, with combine(patch, feature) and the count it divides by as parameters.
def _match(patch, feature, count=None, combine=np.multiply):
    products = combine(np.asarray(patch, dtype=float), np.asarray(feature, dtype=float))
    return float(products.sum() / (products.size if count is None else count))


def match_filter_sum(patch, feature):
    return _match(patch, feature, count=1)

def match_filter_divides_by_nine(patch, feature):
    return _match(patch, feature, count=9)

def match_filter_divides_by_rows(patch, feature):
    return _match(patch, feature, count=len(patch))

def match_filter_rounded(patch, feature):
    return round(_match(patch, feature), 2)

def match_filter_truncated(patch, feature):
    return math.trunc(_match(patch, feature) * 100) / 100

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


def convolve_feature_off_by_one(image, feature):
    return _convolve(image, feature, map_shape=np.subtract(np.shape(image), np.shape(feature)))

def convolve_feature_talk_sizes(image, feature):
    return _convolve(image, feature, patch_shape=(3, 3), map_shape=(7, 7))

def convolve_feature_square_feature(image, feature):
    return _convolve(image, feature, patch_shape=(len(feature), len(feature)))

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


def max_pool_drops_partial(image, size=2, stride=2):
    return _max_pool(image, size, stride, starts=lambda length: range(0, length - size + 1, stride))

def max_pool_every_start(image, size=2, stride=2):
    return _max_pool(image, size, stride, starts=lambda length: range(0, length, stride))

def max_pool_starts_from_zero(image, size=2, stride=2):
    return _max_pool(image, size, stride, pool=lambda window: max(0.0, window.max()))

def max_pool_steps_by_size(image, size=2, stride=2):
    return _max_pool(image, size, size)

def max_pool_mean(image, size=2, stride=2):
    return _max_pool(image, size, stride, pool=lambda window: window.mean())


# ------------------------------------------------------------------ relu
def relu_mask(x):
    return x > 0

def relu_abs(x):
    return np.abs(x)

def relu_keeps_negatives(x):
    return x * (x < 0)

def relu_np_max(x):
    return np.max(x, 0)
