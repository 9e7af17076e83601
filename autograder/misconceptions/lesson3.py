"""Classic slips of lesson 3 (forward propagation), as the grader recognises them."""

import numpy as np

from ..reference import load

# The exercises a misconception calls are the reference's (as in a learner's file whose other functions are right).
w_sum = load("lesson3").w_sum


def neural_network_adds(input, weight):
    return input + weight


def w_sum_stops_early(a, b):
    assert len(a) == len(b)
    return sum(a[i] * b[i] for i in range(len(a) - 1))

def w_sum_range_three(a, b):
    assert len(a) == len(b)
    return sum(a[i] * b[i] for i in range(3))

def w_sum_no_length_check(a, b):
    return sum(x * y for x, y in zip(a, b))


# The slide's ele_mul, with the buffer it writes into (output) as the parameter a slip changes.
def _ele_mul(number, vector, output):
    assert len(output) == len(vector)
    for i in range(len(vector)):
        output[i] = number * vector[i]
    return output


def ele_mul_fixed_buffer(number, vector):
    return _ele_mul(number, vector, [0, 0, 0])

def ele_mul_int_buffer(number, vector):
    return _ele_mul(number, vector, np.zeros(len(vector), dtype=int))


# The reference vect_mat_mul, with the buffer it writes into (output) as the parameter a slip changes.
def _vect_mat_mul(vect, matrix, output):
    for i in range(len(matrix)):
        output[i] = w_sum(vect, matrix[i])
    return output


def vect_mat_mul_square_only(vect, matrix):
    assert len(vect) == len(matrix)
    return _vect_mat_mul(vect, matrix, [0, 0, 0])

def vect_mat_mul_columns(vect, matrix):
    return [sum(vect[i] * matrix[i][j] for i in range(len(vect))) for j in range(len(matrix[0]))]

def vect_mat_mul_int_buffer(vect, matrix):
    return _vect_mat_mul(vect, matrix, np.zeros(len(matrix), dtype=int))


def stacked_network_transposed(input, weights):
    return np.dot(np.dot(input, weights[0]), weights[1])

def stacked_network_one_layer(input, weights):
    return np.dot(weights[0], input)


def dot_shape_inner(shape_a, shape_b):
    if shape_a[1] != shape_b[0]:
        return None
    return (shape_a[1], shape_b[0])

def dot_shape_raises(shape_a, shape_b):
    if shape_a[1] != shape_b[0]:
        raise ValueError("shapes not aligned")
    return (shape_a[0], shape_b[1])
