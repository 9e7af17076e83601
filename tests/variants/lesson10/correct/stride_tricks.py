# Lesson 10 vectorised: sliding windows (stride tricks), no Python loop over positions.
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view


def get_image_section(layer, row_from, row_to, col_from, col_to):
    return np.expand_dims(np.asarray(layer)[:, row_from:row_to, col_from:col_to], 1)


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    images = np.ascontiguousarray(images, dtype=float)
    windows = sliding_window_view(images, (kernel_rows, kernel_cols), axis=(1, 2))
    flat = windows.reshape(-1, kernel_rows * kernel_cols)
    return flat, flat @ np.asarray(kernels)


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    kernels = np.asarray(kernels, dtype=float)
    grad = np.einsum("sp,sk->pk", flattened_input, np.reshape(layer_1_delta, (-1, kernels.shape[1])))
    return kernels + alpha * grad


def match_filter(patch, feature):
    return np.mean(np.multiply(patch, feature))


def convolve_feature(image, feature):
    image = np.ascontiguousarray(image, dtype=float)
    feature = np.asarray(feature, dtype=float)
    fh, fw = feature.shape
    oh, ow = image.shape[0] - fh + 1, image.shape[1] - fw + 1
    s0, s1 = image.strides
    windows = as_strided(image, shape=(oh, ow, fh, fw), strides=(s0, s1, s0, s1), writeable=False)
    return np.einsum("ijab,ab->ij", windows, feature) / feature.size


def max_pool(image, size=2, stride=2):
    image = np.asarray(image, dtype=float)
    n_r = -(-max(image.shape[0] - size, 0) // stride) + 1
    n_c = -(-max(image.shape[1] - size, 0) // stride) + 1
    padded = np.full(((n_r - 1) * stride + size, (n_c - 1) * stride + size), -np.inf)
    keep_r, keep_c = min(image.shape[0], padded.shape[0]), min(image.shape[1], padded.shape[1])
    padded[:keep_r, :keep_c] = image[:keep_r, :keep_c]
    windows = sliding_window_view(padded, (size, size))[::stride, ::stride]
    return windows.max(axis=(2, 3))


def relu(x):
    return np.maximum(x, 0)
