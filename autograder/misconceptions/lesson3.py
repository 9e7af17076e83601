"""Classic slips of lesson 3 (forward propagation), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

# The exercises a misconception calls are the reference's (as in a learner's file whose other functions are right).
w_sum = load("lesson3").w_sum
FLOAT_BUFFER = "Make the buffer hold floats (NumPy's default), or build a plain list."


@misconception("neural_network", "the input and the weight are added instead of multiplied",
               "A weight scales its input: the prediction is the input times the weight.")
def neural_network_adds(input, weight):
    return input + weight


@misconception("w_sum", "the loop over the indices stops one element early (range(len(a) - 1))")
def w_sum_stops_early(a, b):
    assert len(a) == len(b)
    return sum(a[i] * b[i] for i in range(len(a) - 1))


@misconception("w_sum", "the loop runs over range(3) instead of range(len(a)), as if every vector had three numbers")
def w_sum_range_three(a, b):
    assert len(a) == len(b)
    return sum(a[i] * b[i] for i in range(3))


@misconception("w_sum", "the lengths are never compared (zip stops quietly at the shorter vector)",
               "The lesson's w_sum starts with assert(len(a) == len(b)).")
def w_sum_no_length_check(a, b):
    return sum(x * y for x, y in zip(a, b))


# The slide's ele_mul, with the buffer it writes into (output) as the parameter a slip changes.
def _ele_mul(number, vector, output):
    assert len(output) == len(vector)
    for i in range(len(vector)):
        output[i] = number * vector[i]
    return output


@misconception("ele_mul", "the output starts as the slide's [0, 0, 0], which only fits vectors of three numbers")
def ele_mul_fixed_buffer(number, vector):
    return _ele_mul(number, vector, [0, 0, 0])


@misconception("ele_mul", "the output is a NumPy array of whole numbers (dtype=int, or zeros_like of an int "
                          "input), so every product written into it is cut to an integer", FLOAT_BUFFER)
def ele_mul_int_buffer(number, vector):
    return _ele_mul(number, vector, np.zeros(len(vector), dtype=int))


# The reference vect_mat_mul, with the buffer it writes into (output) as the parameter a slip changes.
def _vect_mat_mul(vect, matrix, output):
    for i in range(len(matrix)):
        output[i] = w_sum(vect, matrix[i])
    return output


@misconception("vect_mat_mul", "the slide's version is used: it asserts a square matrix and fills a fixed [0, 0, 0]",
               "Loop over the rows of the matrix instead: one output per row.")
def vect_mat_mul_square_only(vect, matrix):
    assert len(vect) == len(matrix)
    return _vect_mat_mul(vect, matrix, [0, 0, 0])


@misconception("vect_mat_mul", "output i uses column i of the matrix instead of row i (the matrix is read transposed)")
def vect_mat_mul_columns(vect, matrix):
    return [sum(vect[i] * matrix[i][j] for i in range(len(vect))) for j in range(len(matrix[0]))]


@misconception("vect_mat_mul", "the output is a NumPy array of whole numbers (dtype=int, or zeros_like of an int "
                               "input), so every weighted sum written into it is cut to an integer", FLOAT_BUFFER)
def vect_mat_mul_int_buffer(vect, matrix):
    return _vect_mat_mul(vect, matrix, np.zeros(len(matrix), dtype=int))


@misconception("stacked_network", "each matrix is used transposed, as in the NumPy listing (input.dot(ih_wgt))",
               "Here each matrix has one row per unit it produces, as vect_mat_mul reads it.")
def stacked_network_transposed(input, weights):
    return np.dot(np.dot(input, weights[0]), weights[1])


@misconception("stacked_network", "only the first layer is applied (the hidden layer is returned as the prediction)")
def stacked_network_one_layer(input, weights):
    return np.dot(weights[0], input)


@misconception("dot_shape", "the inner numbers are returned instead of the outer ones")
def dot_shape_inner(shape_a, shape_b):
    if shape_a[1] != shape_b[0]:
        return None
    return (shape_a[1], shape_b[0])


@misconception("dot_shape", "an exception is raised where NumPy would raise; the exercise asks for None")
def dot_shape_raises(shape_a, shape_b):
    if shape_a[1] != shape_b[0]:
        raise ValueError("shapes not aligned")
    return (shape_a[0], shape_b[1])
