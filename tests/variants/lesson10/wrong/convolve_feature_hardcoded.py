# exercise: convolve_feature
# check: convolve_feature_diag_up, convolve_feature_o_image
# message: the talk's map of the diag-down feature
# The talk's diag-down map, whatever the image and feature.
def convolve_feature(image, feature):
    n = 1 / 9
    return [[7 * n, -n, n, 3 * n, 5 * n, -n, 3 * n],
            [-n, 1.0, -n, 3 * n, -n, n, -n],
            [n, -n, 1.0, -3 * n, n, -n, 5 * n],
            [3 * n, 3 * n, -3 * n, 5 * n, -3 * n, 3 * n, 3 * n],
            [5 * n, -n, n, -3 * n, 1.0, -n, n],
            [-n, n, -n, 3 * n, -n, 1.0, -n],
            [3 * n, -n, 5 * n, 3 * n, n, -n, 7 * n]]
