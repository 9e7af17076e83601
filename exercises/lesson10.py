"""Lesson 10 — convolutions: neural learning about edges and corners.

A convolutional layer reuses one small linear layer (a *kernel*) at every position of an
image. The first three functions follow the course's NumPy listing for MNIST: cut every
kernel-sized section out of a batch of images, multiply all the sections by the kernels
at once, and update the kernels from the layer's delta. The last four follow the
X-versus-O walkthrough of the CNN talk: match a 3x3 feature against a patch, slide it
over a 9x9 image to get a 7x7 map, shrink the map with max pooling, and clip its
negative values with a ReLU.

Write each function below, then check your work with `grade lesson10`
(`grade lesson10 --hint` shows a hint for each exercise that fails).

Inputs arrive as NumPy float arrays; you may return arrays, lists or tuples of the right
shape. Use only NumPy and the standard library.
"""

import numpy as np


def get_image_section(layer, row_from, row_to, col_from, col_to):
    """The same rectangle cut out of every image of a batch.

    ``layer`` has shape ``(batch, rows, cols)``. Return
    ``layer[:, row_from:row_to, col_from:col_to]`` reshaped to
    ``(batch, 1, row_to - row_from, col_to - col_from)``: the extra axis of length 1
    is where ``conv_forward`` will line the sections up, one after another.

    Two 3x3 images, and the 2x2 section at rows 1-2, columns 0-1 of each:

    >>> layer = np.arange(18.0).reshape(2, 3, 3)
    >>> section = get_image_section(layer, 1, 3, 0, 2)
    >>> section.shape
    (2, 1, 2, 2)
    >>> section[1, 0]
    array([[12., 13.],
           [15., 16.]])
    """
    raise NotImplementedError("write get_image_section")


def conv_forward(images, kernels, kernel_rows, kernel_cols):
    """Every kernel-sized section of each image, and its product with the kernels.

    ``images`` has shape ``(batch, rows, cols)``; ``kernels`` has shape
    ``(kernel_rows * kernel_cols, num_kernels)``: one column of weights per kernel.

    Take the sections in the course's order, rows outside, columns inside::

        for row_start in range(rows - kernel_rows + 1):
            for col_start in range(cols - kernel_cols + 1):
                get_image_section(images, row_start, row_start + kernel_rows,
                                  col_start, col_start + kernel_cols)

    Every position counts, the last row and column of sections too: a 28x28 image has
    26 x 26 = 676 sections of 3x3. (The course's listing loops over
    ``range(28 - 3)``, which misses the last row and column and keeps only 625.)

    Concatenate the sections on axis 1, giving ``(batch, sections, kernel_rows,
    kernel_cols)``, and reshape that to ``flattened_input`` of shape
    ``(batch * sections, kernel_rows * kernel_cols)``: row ``b * sections + s`` holds the
    pixels of section ``s`` of image ``b``, read row by row. Then
    ``kernel_output = flattened_input.dot(kernels)``, of shape
    ``(batch * sections, num_kernels)``: each kernel applied at every position.

    Return the tuple ``(flattened_input, kernel_output)``.

    One 3x3 image, two 2x2 kernels (a sum and a difference of the left column):

    >>> images = np.arange(9.0).reshape(1, 3, 3)
    >>> kernels = np.array([[1.0, 1.0], [1.0, 0.0], [1.0, -1.0], [1.0, 0.0]])
    >>> flattened_input, kernel_output = conv_forward(images, kernels, 2, 2)
    >>> flattened_input
    array([[0., 1., 3., 4.],
           [1., 2., 4., 5.],
           [3., 4., 6., 7.],
           [4., 5., 7., 8.]])
    >>> kernel_output
    array([[ 8., -3.],
           [12., -3.],
           [20., -3.],
           [24., -3.]])
    """
    raise NotImplementedError("write conv_forward")


def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):
    """The kernels after one step of gradient descent; return the new kernels.

    ``flattened_input`` is what ``conv_forward`` returned: shape
    ``(batch * sections, kernel_rows * kernel_cols)``. ``kernels`` has shape
    ``(kernel_rows * kernel_cols, num_kernels)``.

    ``layer_1_delta`` is the delta of the convolutional layer as the course computes it
    (``layer_2_delta.dot(weights_1_2.T) * tanh2deriv(layer_1)``, with
    ``layer_2_delta = labels - layer_2``): shape ``(batch, sections * num_kernels)``,
    the shape of ``layer_1 = kernel_output.reshape(batch, -1)``. Row ``b`` holds, section
    by section in the course's order, the ``num_kernels`` deltas of image ``b``.

    1. Reshape it back to the shape of ``kernel_output``,
       ``(batch * sections, num_kernels)``; its rows then line up with the rows of
       ``flattened_input``.
    2. ``k_update = flattened_input.T.dot(that)``, of shape
       ``(kernel_rows * kernel_cols, num_kernels)``: each kernel's weight change,
       summed over every position where the kernel was used.
    3. Return ``kernels + alpha * k_update``.

    Why *plus*: ``layer_1_delta`` comes from ``labels - layer_2``, so it already points
    the way the error falls; the course adds ``alpha * layer_1.T.dot(layer_2_delta)`` to
    ``weights_1_2`` for the same reason. The course's listing writes
    ``kernels -= alpha * k_update``, which moves the kernels up the error (its printed run
    learns anyway, through ``weights_1_2``). Do not change ``kernels`` in place.

    >>> flattened_input = np.array([[1.0, 2.0], [3.0, 4.0]])  # 1 image, 2 sections of 1x2
    >>> layer_1_delta = np.array([[0.5, -1.0, 0.25, 0.0]])     # 2 sections x 2 kernels
    >>> conv_kernel_update(flattened_input, layer_1_delta, np.zeros((2, 2)), 0.1)
    array([[ 0.125, -0.1  ],
           [ 0.2  , -0.2  ]])
    """
    raise NotImplementedError("write conv_kernel_update")


def match_filter(patch, feature):
    """How well ``feature`` matches ``patch``: the mean of their elementwise products.

    Line the feature up with the patch, multiply pixel by pixel, add the products up and
    divide by the number of pixels (nine for 3x3). With pixels of 1 (bright) and -1
    (dark), a perfect match gives 1; every pixel that differs costs 2/9. The talk shows
    these ninths truncated to two digits (0.77 for 7/9 = 0.7777..., 0.55 for 5/9):
    return the exact mean, not the printed digits. Any shape works (2x2, 3x2, ...), as
    long as patch and feature have the same one.

    The diagonal feature on the arm of the talk's X, then on its centre:

    >>> diag_down = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]
    >>> match_filter([[1, -1, -1], [-1, 1, -1], [-1, -1, 1]], diag_down)
    1.0
    >>> match_filter([[1, -1, 1], [-1, 1, -1], [1, -1, 1]], diag_down)  # 5/9
    0.5555555555555556
    """
    raise NotImplementedError("write match_filter")


def convolve_feature(image, feature):
    """The map of ``match_filter`` over every position of ``feature`` in ``image``.

    ``image`` is 2-D, ``(rows, cols)``; ``feature`` is ``(f_rows, f_cols)``. Element
    ``[i][j]`` of the map is ``match_filter`` of the feature with the patch
    ``image[i:i + f_rows, j:j + f_cols]``, for every position where the feature fits
    inside the image: the map has shape ``(rows - f_rows + 1, cols - f_cols + 1)``, so a
    9x9 image and a 3x3 feature give 7x7.

    The talk's X (1 on both diagonals, -1 elsewhere) and its downward diagonal feature:
    the high values, 1 and 7/9, run along the X's downward diagonal.

    >>> x = -np.ones((9, 9))
    >>> for i in range(1, 8):
    ...     x[i, i] = x[i, 8 - i] = 1
    >>> diag_down = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1]]
    >>> feature_map = np.array(convolve_feature(x, diag_down))
    >>> feature_map.shape
    (7, 7)
    >>> np.round(feature_map * 9).astype(int)  # the map in ninths
    array([[ 7, -1,  1,  3,  5, -1,  3],
           [-1,  9, -1,  3, -1,  1, -1],
           [ 1, -1,  9, -3,  1, -1,  5],
           [ 3,  3, -3,  5, -3,  3,  3],
           [ 5, -1,  1, -3,  9, -1,  1],
           [-1,  1, -1,  3, -1,  9, -1],
           [ 3, -1,  5,  3,  1, -1,  7]])
    """
    raise NotImplementedError("write convolve_feature")


def max_pool(image, size=2, stride=2):
    """Shrink a 2-D map: the maximum of each ``size`` x ``size`` window.

    Windows start at row 0, ``stride``, ``2 * stride``, ... and the same for columns.
    The last window of a row (or column) is the first one that reaches the edge of the
    map; when it runs past the edge, keep it and take the max of the pixels that are
    there ("we take the max of what's there"). So a 7x7 map pooled with 2x2 windows and
    stride 2 gives 4x4, its last row and column pooled from partial windows; a 7x7 map
    with 3x3 windows and stride 2 gives 3x3 (windows at 0, 2 and 4; the one at 4 already
    reaches the edge).

    >>> feature_map = np.arange(25.0).reshape(5, 5)
    >>> max_pool(feature_map)
    array([[ 6.,  8.,  9.],
           [16., 18., 19.],
           [21., 23., 24.]])
    >>> max_pool(feature_map, 3, 2)
    array([[12., 14.],
           [22., 24.]])
    """
    raise NotImplementedError("write max_pool")


def relu(x):
    """The talk's rectified linear unit: every negative value becomes 0.

    Elementwise, on an array of any shape: ``x`` where it is positive, else 0. A
    filtered map keeps its 0.77 and loses its -0.11.

    >>> relu(np.array([[7 / 9, -1 / 9], [0.0, -1.0]]))
    array([[0.77777778, 0.        ],
           [0.        , 0.        ]])
    """
    raise NotImplementedError("write relu")
