# exercise: ele_mul
# misconception: lesson3.ele_mul.ele_mul_int_buffer
# message: cut to an integer
import numpy as np


def ele_mul(number, vector):
    result = np.zeros(len(vector), dtype=int)
    for i, value in enumerate(vector):
        result[i] = value * number
    return result
