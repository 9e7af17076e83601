# exercise: outer_prod
# misconception: lesson5.outer_prod.outer_prod_transposed
# message: the matrix is built transposed: one row
import numpy as np


def outer_prod(vec_a, vec_b):
    return np.outer(vec_b, vec_a)
