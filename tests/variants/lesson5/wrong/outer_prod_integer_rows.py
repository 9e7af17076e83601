# exercise: outer_prod
# check: outer_prod_non_square
# message: cut down to whole numbers
import numpy as np


def outer_prod(vec_a, vec_b):
    out = np.array([vec_b for _ in vec_a])  # rows copied from vec_b keep its dtype
    for i in range(len(vec_a)):
        for j in range(len(vec_b)):
            out[i][j] = vec_a[i] * vec_b[j]
    return out
