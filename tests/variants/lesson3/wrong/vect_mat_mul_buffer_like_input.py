# exercise: vect_mat_mul
# check: vect_mat_mul_non_square_integers
# message: one number per input (3), not one per row
import numpy as np


def vect_mat_mul(vect, matrix):
    output = np.zeros_like(vect)  # the input's length and dtype, not one float per row
    for i in range(len(matrix)):
        output[i] = w_sum(vect, matrix[i])
    return output
