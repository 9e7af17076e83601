# exercise: ele_mul
# check: ele_mul_integer_vector
# message: cut down to whole numbers
import numpy as np


def ele_mul(number, vector):
    output = np.array(vector)  # a copy of an integer vector is an integer buffer
    for i in range(len(vector)):
        output[i] = number * vector[i]
    return output
