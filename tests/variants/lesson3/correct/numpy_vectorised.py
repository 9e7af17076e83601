# All of lesson 3 in NumPy, returning arrays and NumPy scalars.
import numpy as np


def neural_network(input, weight):
    return np.multiply(input, weight)


def w_sum(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError("shapes differ")
    return a.dot(b)


def ele_mul(number, vector):
    return number * np.asarray(vector)


def vect_mat_mul(vect, matrix):
    return np.asarray(matrix) @ np.asarray(vect)


def stacked_network(input, weights):
    hidden = np.dot(weights[0], input)
    return np.dot(weights[1], hidden)


def dot_shape(shape_a, shape_b):
    try:
        return np.zeros(shape_a).dot(np.zeros(shape_b)).shape
    except ValueError:
        return None
