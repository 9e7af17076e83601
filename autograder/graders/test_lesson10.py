"""Grader of lesson 10 — convolutions.

Each test is one check of one exercise (see ``autograder.grading.plugin``): the X-versus-O
walkthrough of the CNN talk (its image and features are the kit's data,
``autograder/data/xo.json``), fresh randomized cases compared with the reference solution
(other image, batch and kernel sizes, numbers of kernels, pooling windows and strides,
partial windows at the edge), and the catalogue's rules. From lesson 6 on, inputs are
float arrays.

The talk prints its match values truncated to two digits (0.77 for 7/9, 0.55 for 5/9).
Its traces carry the exact ninths with a tolerance wide enough for the prints; these
checks compare with the exact ninths (``EXACT``), so that a learner who copies the
printed digits, or rounds, is told so.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson10/wrong/)
fail it, which the kit's tests check.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from autograder.grading import StudentProblem, check
from autograder.grading.data import uniform

# check -> the slip it catches (variants proving it). Randomized checks listed here draw their
# values only: their shapes are fixed by their case lists.
FIXED_CASES = {
    "get_image_section_course_size": "the new axis put last instead of second (get_image_section_axis_last)",
    "get_image_section_random": "row_to and col_to included (batches of 1 to 4, non-square images) "
                                "(get_image_section_inclusive)",
    "conv_forward_course_size": "the listing's range(28 - 3): the last row and column of sections lost "
                                "(conv_forward_listing_range)",
    "conv_forward_identity_kernels": "sections read in column-major order (conv_forward_column_major)",
    "conv_forward_random": "only the first image of the batch (non-square images and 2x3 kernels) "
                           "(conv_forward_first_image)",
    "conv_kernel_update_descends": "the listing's kernels -= alpha * k_update, which climbs the error "
                                   "(conv_kernel_update_course_sign)",
    "conv_kernel_update_random": "the deltas read kernel by kernel; the update inside the batch loop "
                                 "(conv_kernel_update_kernel_major, conv_kernel_update_inside_batch_loop)",
    "match_filter_talk": "the products summed, never averaged (match_filter_sum)",
    "match_filter_every_talk_value": "the mean rounded, or cut, to the talk's two printed digits "
                                     "(match_filter_rounded, match_filter_talk_prints)",
    "match_filter_random": "a division by 9 whatever the size (2x2, 3x2 and 4x5 patches) "
                           "(match_filter_divides_by_nine)",
    "convolve_feature_diag_down": "loops that stop one position early (convolve_feature_off_by_one)",
    "convolve_feature_center_x": "the sum of the products at each position (convolve_feature_sum)",
    "convolve_feature_diag_up": "the talk's diag-down map hard-coded (convolve_feature_hardcoded)",
    "convolve_feature_size": "a 6x6 map for a 9x9 image (convolve_feature_off_by_one)",
    "convolve_feature_o_image": "the talk's X maps hard-coded (convolve_feature_hardcoded)",
    "convolve_feature_random": "a square feature, or a 9x9 image and 3x3 feature, assumed (6x8 with 3x2...) "
                               "(convolve_feature_square, convolve_feature_fixed_nine)",
    "max_pool_diag_down": "the average instead of the max (max_pool_average)",
    "max_pool_size": "partial windows at the edge dropped (max_pool_drops_partial)",
    "max_pool_random": "a window at every start; a range stepped by the size; a max that starts from 0 (non- "
                       "square maps, strides longer than windows) (max_pool_every_start, "
                       "max_pool_range_by_size, max_pool_starts_from_zero)",
    "relu_talk": "the mask x > 0; the absolute value (relu_mask, relu_abs)",
}

XO = json.loads((Path(__file__).resolve().parent.parent / "data" / "xo.json").read_text(encoding="utf-8"))
X_IMAGE = np.array(XO["images"]["x"])
O_IMAGE = np.array(XO["images"]["o"])
FEATURES = {name: np.array(value) for name, value in XO["features"].items()}

EXACT = {"abs": 1e-9, "rel": 1e-9}

TRUNCATED = ("The talk prints its values truncated to two digits (0.77 for 7/9 = 0.7777..., 0.55 for "
             "5/9 = 0.5555...); the exact value is a ninth: compute the mean, do not copy the printed digits.")
ROUNDED = ("That is rounded to two digits: return the exact mean (7/9 = 0.7777..., not 0.78); "
           "rounding is only for printing.")


def talk_slips(expected, pixels=9):
    """Slips of the talk's numbers: its truncated prints, rounding, and the sum for the mean."""
    expected = np.asarray(expected, dtype=float)
    return [
        (np.trunc(expected * 100) / 100, TRUNCATED),
        (np.round(expected, 2), ROUNDED),
        (expected * pixels, "That is the sum of the products: divide it by the number of pixels "
                            "(%d) to get their mean, as the talk does." % pixels),
    ]


def shape_of(value):
    """The shape of an answer, or None when it is not an array of numbers."""
    try:
        return list(np.asarray(value, dtype=float).shape)
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------ helpers: the classic slips


def listing_sections(images, kernels, kernel_rows, kernel_cols, *, last=True, row_major=True):
    """conv_forward with the listing's off-by-one range (last=False) or column-major order."""
    images = np.asarray(images, dtype=float)
    extra = 1 if last else 0
    rows = range(images.shape[1] - kernel_rows + extra)
    cols = range(images.shape[2] - kernel_cols + extra)
    corners = [(r, c) for r in rows for c in cols] if row_major else [(r, c) for c in cols for r in rows]
    stack = np.stack([images[:, r:r + kernel_rows, c:c + kernel_cols] for r, c in corners], axis=1)
    flat = stack.reshape(-1, kernel_rows * kernel_cols)
    return flat, flat.dot(kernels)


def pool_with(image, size, stride, rule):
    """Max pooling with another rule for the windows at the edge."""
    image = np.asarray(image, dtype=float)

    def starts(length):
        if rule == "drop":  # only whole windows
            return list(range(0, length - size + 1, stride))
        return list(range(0, length, stride))  # every start inside the map, even redundant ones

    return np.array([[image[r:r + size, c:c + size].max() for c in starts(image.shape[1])]
                     for r in starts(image.shape[0])])


DROPPED = ("That drops the partial windows at the edge: the talk keeps them (\"we take the max of "
           "what's there\"), so a 7x7 map pools to 4x4, not 3x3. Slicing image[r:r + size, c:c + size] "
           "already stops at the edge.")
EXTRA_WINDOW = ("That has an extra window at the edge that lies entirely inside the previous one: "
                "stop after the first window that reaches the edge (start + size >= length).")


# ------------------------------------------------------------------ get_image_section


SECTION_CASES = [  # (batch, rows, cols, row_from, row_to, col_from, col_to)
    (3, 6, 6, 1, 4, 2, 5),
    (1, 5, 7, 0, 2, 3, 7),
    (4, 8, 5, 5, 8, 0, 2),
    (2, 4, 4, 2, 3, 1, 4),
]


@pytest.mark.parametrize("case", range(len(SECTION_CASES)))
@check("get_image_section", randomized=True)
def test_get_image_section_random(student, expect, ref, rng, case):
    batch, rows, cols, r0, r1, c0, c1 = SECTION_CASES[case]
    layer = uniform(rng, (batch, rows, cols), 0, 1)
    got = student.get_image_section(layer, r0, r1, c0, c1)
    bigger = layer[:, r0:r1 + 1, c0:c1 + 1]
    expect.close(got, ref.get_image_section(layer, r0, r1, c0, c1), slips=[
        (layer[:, r0:r1, c0:c1], "That is the slice without the reshape: reshape it to (batch, 1, rows, cols) "
                                 "= (%d, 1, %d, %d); the extra axis is where conv_forward lines the sections up."
         % (batch, r1 - r0, c1 - c0)),
        (bigger.reshape(batch, 1, *bigger.shape[1:]),
         "That section is one row and one column too big: row_to and col_to are excluded, as in a slice."),
    ])


@check("get_image_section", rule="the section of a batch of one MNIST-sized image has shape (1, 1, rows, cols)")
def test_get_image_section_course_size(student, expect, ref, rng):
    layer = uniform(rng, (1, 28, 28), 0, 1)
    got = student.get_image_section(layer, 25, 28, 25, 28)
    expect.close(got, ref.get_image_section(layer, 25, 28, 25, 28), slips=[
        (layer[:, 25:28, 25:28], "That is the slice without the reshape: return it with shape (1, 1, 3, 3)."),
        (layer[0, 25:28, 25:28], "The batch axis and the axis of length 1 are missing: return shape (1, 1, 3, 3)."),
    ])


# ------------------------------------------------------------------ conv_forward


CONV_CASES = [  # (batch, rows, cols, kernel_rows, kernel_cols, num_kernels)
    (2, 5, 5, 3, 3, 2),
    (3, 6, 4, 2, 2, 3),
    (1, 7, 6, 3, 2, 4),
    (4, 4, 5, 2, 3, 1),
]


def conv_slips(images, kernels, kr, kc):
    rows, cols = images.shape[1:]
    flat, output = listing_sections(images, kernels, kr, kc)
    return [
        ((flat, output.reshape(len(images), -1)),
         "kernel_output has one row per section, shape (batch * sections, num_kernels): reshaping it to "
         "(batch, -1) is the next step of the listing (layer_1), not part of conv_forward."),
        ((flat.reshape(len(images), -1, kr, kc), output),
         "flattened_input is the stack of sections reshaped to (batch * sections, kernel_rows * kernel_cols): "
         "one row of pixels per section."),
        (listing_sections(images, kernels, kr, kc, last=False),
         "That misses the last row and column of sections, as the listing's range(rows - kernel_rows) "
         "does: a %dx%d image has %d x %d sections of %dx%d. Loop over range(rows - kernel_rows + 1)."
         % (rows, cols, rows - kr + 1, cols - kc + 1, kr, kc)),
        (listing_sections(images, kernels, kr, kc, row_major=False),
         "The sections are in column-major order: the course takes rows in the outer loop "
         "(for row_start ...: for col_start ...:), so that section s is at row s // positions_per_row."),
    ]


@pytest.mark.parametrize("case", range(len(CONV_CASES)))
@check("conv_forward", randomized=True)
def test_conv_forward_random(student, expect, ref, rng, case):
    batch, rows, cols, kr, kc, k = CONV_CASES[case]
    images = uniform(rng, (batch, rows, cols), 0, 1)
    kernels = uniform(rng, (kr * kc, k))
    try:
        got = student.conv_forward(images, kernels, kr, kc)
    except StudentProblem as problem:
        problem.explain_error("Here %d image%s of %dx%d meet %d kernel%s of %dx%d (kernels has shape (%d, %d)): "
                             "nothing may assume square images or kernels, 3x3, or one image."
                             % (batch, "s" if batch > 1 else "", rows, cols, k, "s" if k > 1 else "", kr, kc, kr * kc, k))
        raise
    expect.close(got, ref.conv_forward(images, kernels, kr, kc), parts=("flattened_input", "kernel_output"),
                 slips=conv_slips(images, kernels, kr, kc))


@check("conv_forward", rule="a 28x28 image has 26 x 26 = 676 sections of 3x3 (the listing's range(28 - 3) keeps 625)")
def test_conv_forward_course_size(student, expect, ref, rng):
    images = uniform(rng, (2, 28, 28), 0, 1)
    kernels = 0.02 * rng.random((9, 16)) - 0.01  # the course's 16 kernels of 3x3
    got = student.conv_forward(images, kernels, 3, 3)
    expect.close(got, ref.conv_forward(images, kernels, 3, 3), parts=("flattened_input", "kernel_output"),
                 slips=conv_slips(images, kernels, 3, 3))


@check("conv_forward", rule="kernel_output is flattened_input times kernels")
def test_conv_forward_identity_kernels(student, expect, ref):
    """With identity kernels, kernel_output repeats each section's pixels."""
    images = np.arange(2 * 4 * 3, dtype=float).reshape(2, 4, 3)
    kernels = np.eye(4)
    got = student.conv_forward(images, kernels, 2, 2)
    expect.close(got, ref.conv_forward(images, kernels, 2, 2), parts=("flattened_input", "kernel_output"),
                 slips=conv_slips(images, kernels, 2, 2))


# ------------------------------------------------------------------ conv_kernel_update


KERNEL_CASES = [  # (batch, sections, kernel_pixels, num_kernels)
    (2, 9, 4, 3),
    (1, 12, 6, 2),
    (3, 4, 9, 5),
]


def kernel_slips(flat, delta, kernels, alpha, sections):
    k = kernels.shape[1]
    update = flat.T.dot(delta.reshape(-1, k))
    swapped = flat.T.dot(delta.reshape(-1, k, sections).transpose(0, 2, 1).reshape(-1, k))
    return [
        (kernels - alpha * update,
         "That is the listing's kernels -= alpha * k_update, the sign of the course's printed run: "
         "layer_1_delta comes from labels - layer_2 and already points the way the error falls "
         "(weights_1_2 adds its update for the same reason), so subtracting climbs the error. "
         "Add alpha * k_update."),
        (kernels + update, "alpha is missing: the step is alpha times the kernels' change."),
        (kernels + alpha * swapped,
         "The deltas were read kernel by kernel: each row of layer_1_delta holds, section by section, the "
         "deltas of all the kernels (the layout of kernel_output.reshape(batch, -1)); "
         "reshape it to (-1, num_kernels)."),
    ]


@pytest.mark.parametrize("case", range(len(KERNEL_CASES)))
@check("conv_kernel_update", randomized=True)
def test_conv_kernel_update_random(student, expect, ref, rng, case):
    batch, sections, pixels, k = KERNEL_CASES[case]
    flat = uniform(rng, (batch * sections, pixels), 0, 1)
    delta = uniform(rng, (batch, sections * k))
    kernels = uniform(rng, (pixels, k), -0.1, 0.1)
    alpha = float(rng.choice([0.5, 2.0, 0.1]))
    try:
        got = student.conv_kernel_update(flat, delta, kernels, alpha)
    except StudentProblem as problem:
        problem.explain_error("layer_1_delta arrives with shape (batch, sections * num_kernels) = (%d, %d): reshape "
                             "it to (%d, %d), the shape of kernel_output, before multiplying by flattened_input.T "
                             "(shape (%d, %d))." % (batch, sections * k, batch * sections, k, pixels, batch * sections))
        raise
    expect.close(got, ref.conv_kernel_update(flat, delta, kernels, alpha),
                 slips=kernel_slips(flat, delta, kernels, alpha, sections))


@check("conv_kernel_update", rule="a small step along layer_1_delta lowers the error")
def test_conv_kernel_update_descends(student, expect, ref, rng):
    """Fit kernel_output to a goal: the delta is goal - kernel_output, as labels - layer_2 is."""
    images = uniform(rng, (2, 5, 5), 0, 1)
    kernels = uniform(rng, (9, 2), -0.1, 0.1)
    goal = uniform(rng, (2 * 9, 2))
    flat, output = ref.conv_forward(images, kernels, 3, 3)
    delta = (goal - output).reshape(2, -1)

    def error(k):
        return float(np.sum((flat.dot(k) - goal) ** 2))

    got = student.conv_kernel_update(flat, delta, kernels, 0.01)
    shape = shape_of(got)
    if shape != [9, 2]:  # not new kernels at all: say how the answer differs
        expect.close(got, ref.conv_kernel_update(flat, delta, kernels, 0.01))
    before, after = error(kernels), error(np.asarray(got, dtype=float))
    expect.true(after < before, "conv_kernel_update raised the squared error of kernel_output from %.6g to %.6g: "
                                "a step along layer_1_delta (goal - output) must lower it." % (before, after))


# ------------------------------------------------------------------ match_filter


@check("match_filter", trace="CNN.xo.filter-match")
def test_match_filter_talk(student, expect, trace):
    t = trace("CNN.xo.filter-match")
    feature = FEATURES[t.inputs["feature"]]
    got = [student.match_filter(X_IMAGE[1:4, 1:4], feature), student.match_filter(X_IMAGE[3:6, 3:6], feature)]
    expect.close(got, t.value, tol=EXACT, slips=talk_slips(t.value),
                 what="match_filter of the diag-down feature with the X's upper-left arm and with its centre")


@check("match_filter", trace="CNN.xo.match-values")
def test_match_filter_every_talk_value(student, expect, ref, trace):
    """One patch of the X for every value of the talk's maps, 9/9 down to -7/9."""
    t = trace("CNN.xo.match-values")
    cases = {}
    for name, feature in FEATURES.items():
        for i in range(7):
            for j in range(7):
                patch = X_IMAGE[i:i + 3, j:j + 3]
                cases.setdefault(round(9 * ref.match_filter(patch, feature)), (patch, feature))
    got = [student.match_filter(*cases[k]) for k in t.value]
    expected = [k / 9 for k in t.value]
    expect.close(got, expected, tol=EXACT, slips=talk_slips(expected),
                 what="match_filter on patches of the X that give 9/9, 7/9, ..., -7/9")


MATCH_SHAPES = [(3, 3), (2, 2), (3, 2), (4, 5)]


@pytest.mark.parametrize("case", range(len(MATCH_SHAPES)))
@check("match_filter", randomized=True)
def test_match_filter_random(student, expect, ref, rng, case):
    shape = MATCH_SHAPES[case]
    patch, feature = uniform(rng, shape), uniform(rng, shape)
    want = ref.match_filter(patch, feature)
    pixels = shape[0] * shape[1]
    slips = [(want * pixels, "That is the sum of the products: divide by the number of pixels (%d) to get "
                             "their mean." % pixels)]
    if pixels != 9:
        slips.append((want * pixels / 9, "That divides by 9 whatever the size: this %dx%d feature has %d pixels."
                      % (shape[0], shape[1], pixels)))
    expect.close(student.match_filter(patch, feature), want, slips=slips)


# ------------------------------------------------------------------ convolve_feature


def check_talk_map(student, expect, trace, name):
    t = trace("CNN.xo.map.%s" % name)
    got = student.convolve_feature(X_IMAGE, FEATURES[name])
    others = [(trace("CNN.xo.map.%s" % other).value,
               "That is the talk's map of the %s feature: compute the map of the feature given, here %s."
               % (other, name)) for other in FEATURES if other != name]
    expect.close(got, t.value, tol=EXACT, what="convolve_feature(the talk's X, the %s feature)" % name,
                 slips=talk_slips(t.value) + [
                     (np.asarray(t.value)[:-1, :-1], "That map misses the last row and column of positions: "
                                                     "a 9x9 image and a 3x3 feature give 7x7 (range(9 - 3 + 1))."),
                 ] + others)


@check("convolve_feature", trace="CNN.xo.map.diag-down")
def test_convolve_feature_diag_down(student, expect, trace):
    check_talk_map(student, expect, trace, "diag-down")


@check("convolve_feature", trace="CNN.xo.map.center-x")
def test_convolve_feature_center_x(student, expect, trace):
    check_talk_map(student, expect, trace, "center-x")


@check("convolve_feature", trace="CNN.xo.map.diag-up")
def test_convolve_feature_diag_up(student, expect, trace):
    check_talk_map(student, expect, trace, "diag-up")


@check("convolve_feature", trace="CNN.xo.sizes")
def test_convolve_feature_size(student, expect, trace):
    t = trace("CNN.xo.sizes")
    image_side, map_side = t.value[0], t.value[1]
    got = student.convolve_feature(X_IMAGE, FEATURES["diag-down"])
    shape = shape_of(got)
    expect.close(shape if shape is not None else got, [map_side, map_side],
                 what="the shape of convolve_feature(the talk's %dx%d X, a 3x3 feature)" % (image_side, image_side),
                 slips=[([map_side - 1, map_side - 1], "One position short in each direction: the feature fits at "
                                                        "9 - 3 + 1 = 7 positions per row (range(rows - f_rows + 1)).")])


@check("convolve_feature", rule="the map of the O image is match_filter at every position")
def test_convolve_feature_o_image(student, expect, ref):
    got = [student.convolve_feature(O_IMAGE, feature) for feature in FEATURES.values()]
    want = [ref.convolve_feature(O_IMAGE, feature) for feature in FEATURES.values()]
    expect.close(got, want, tol=EXACT, slips=talk_slips(want),
                 what="convolve_feature(an O, each of the talk's three features)")


CONVOLVE_CASES = [((6, 8), (3, 2)), ((5, 5), (2, 2)), ((7, 4), (3, 3))]


@pytest.mark.parametrize("case", range(len(CONVOLVE_CASES)))
@check("convolve_feature", randomized=True)
def test_convolve_feature_random(student, expect, ref, rng, case):
    image_shape, feature_shape = CONVOLVE_CASES[case]
    image, feature = uniform(rng, image_shape), uniform(rng, feature_shape)
    try:
        got = student.convolve_feature(image, feature)
    except StudentProblem as problem:
        problem.explain_error("Here the image is %dx%d and the feature %dx%d: use the shapes of the arguments, "
                             "not 9 and 3." % (image_shape + feature_shape))
        raise
    want = ref.convolve_feature(image, feature)
    pixels = feature_shape[0] * feature_shape[1]
    expect.close(got, want, slips=[
        (want * pixels, "That is the sum of the products: divide by the number of pixels (%d)." % pixels),
        (want[:-1, :-1], "That map misses the last row and column of positions: it has rows - f_rows + 1 "
                         "rows and cols - f_cols + 1 columns."),
    ])


# ------------------------------------------------------------------ max_pool


def check_talk_pool(student, expect, trace, name, *args):
    t = trace("CNN.xo.pool.%s" % name)
    feature_map = np.array(trace("CNN.xo.map.%s" % name).value)
    got = student.max_pool(feature_map, *args)
    expect.close(got, t.value, tol=EXACT, what="max_pool(the %s map of the talk's X%s)" % (
        name, "".join(", %s" % a for a in args)),
                 slips=[(pool_with(feature_map, 2, 2, "drop"), DROPPED)] + talk_slips(t.value)[:2])


@check("max_pool", trace="CNN.xo.pool.diag-down")
def test_max_pool_diag_down(student, expect, trace):
    check_talk_pool(student, expect, trace, "diag-down")  # the default window and stride: 2 and 2


@check("max_pool", trace="CNN.xo.pool.center-x")
def test_max_pool_center_x(student, expect, trace):
    check_talk_pool(student, expect, trace, "center-x", 2, 2)


@check("max_pool", trace="CNN.xo.pool.diag-up")
def test_max_pool_diag_up(student, expect, trace):
    check_talk_pool(student, expect, trace, "diag-up", 2, 2)


@check("max_pool", trace="CNN.xo.sizes")
def test_max_pool_size(student, expect, trace, rng):
    t = trace("CNN.xo.sizes")
    map_side, pooled_side = t.value[1], t.value[2]
    got = student.max_pool(uniform(rng, (map_side, map_side)), t.inputs["window"], t.inputs["stride"])
    shape = shape_of(got)
    expect.close(shape if shape is not None else got, [pooled_side, pooled_side],
                 what="the shape of max_pool(a %dx%d map, 2, 2)" % (map_side, map_side),
                 slips=[([pooled_side - 1, pooled_side - 1], DROPPED)])


POOL_CASES = [  # (rows, cols, size, stride)
    (7, 7, 2, 2),   # the talk's: partial last row and column
    (8, 10, 3, 3),  # partial windows of 2 rows and of 1 column
    (5, 8, 2, 3),   # a stride longer than the window
    (7, 7, 3, 2),   # overlapping windows: the one at 4 already reaches the edge
    (6, 6, 2, 2),   # no partial window, and every value negative
]


@pytest.mark.parametrize("case", range(len(POOL_CASES)))
@check("max_pool", randomized=True)
def test_max_pool_random(student, expect, ref, rng, case):
    rows, cols, size, stride = POOL_CASES[case]
    # Negative values too (all of them in the last case): a max must not start from 0.
    feature_map = uniform(rng, (rows, cols)) if case < len(POOL_CASES) - 1 else uniform(rng, (rows, cols), -1, -0.01)
    try:
        got = student.max_pool(feature_map, size, stride)
    except StudentProblem as problem:
        problem.explain_error("Here a %dx%d map is pooled with %dx%d windows and stride %d: the last window may run "
                             "past the edge; keep the pixels that are there." % (rows, cols, size, size, stride))
        raise
    want = ref.max_pool(feature_map, size, stride)
    slips = []
    dropped = pool_with(feature_map, size, stride, "drop")
    if dropped.shape != want.shape:
        slips.append((dropped, DROPPED))
    extra = pool_with(feature_map, size, stride, "every start")
    if extra.shape != want.shape:
        slips.append((extra, EXTRA_WINDOW))
    slips.append((np.maximum(want, 0), "Negative values came out as 0: start each window's max from its "
                                       "first pixel (or use .max()), not from 0."))
    expect.close(got, want, slips=slips)


# ------------------------------------------------------------------ relu


RELU_SLIPS = [
    (lambda x: (x > 0).astype(float), "That is the mask x > 0 (True/False): multiply it by x, (x > 0) * x, "
                                      "to keep the positive values themselves."),
    (np.abs, "That is the absolute value: negative values become 0, they do not flip sign."),
]


@check("relu", trace="CNN.xo.relu.diag-down")
def test_relu_talk(student, expect, trace):
    t = trace("CNN.xo.relu.diag-down")
    feature_map = np.array(trace("CNN.xo.map.diag-down").value)
    expect.close(student.relu(feature_map), t.value, tol=EXACT, what="relu(the diag-down map of the talk's X)",
                 slips=[(f(feature_map), text) for f, text in RELU_SLIPS] + talk_slips(t.value)[:2])


@pytest.mark.parametrize("shape", [(6,), (3, 4, 4)], ids=["vector", "stack"])
@check("relu", randomized=True)
def test_relu_random(student, expect, ref, rng, shape):
    x = uniform(rng, shape)
    expect.close(student.relu(x), ref.relu(x), slips=[(f(x), text) for f, text in RELU_SLIPS])
