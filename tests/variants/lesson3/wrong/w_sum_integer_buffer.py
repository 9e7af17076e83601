# exercise: w_sum
# check: w_sum_integer_inputs
# message: cut down to whole numbers
import numpy as np


def w_sum(a, b):
    assert len(a) == len(b)
    products = np.zeros_like(a)  # integer when a is: every product loses its fraction
    for i in range(len(a)):
        products[i] = a[i] * b[i]
    return products.sum()
