# Loops, other parameter names, tuples returned, and a lot of printing and warnings.
import sys
import warnings

print("my own tests start here")
warnings.warn("learners leave warnings around")


def neural_network(x, w):
    print("predicting", x, w)
    return x * w


def w_sum(vec_a, vec_b):
    assert len(vec_a) == len(vec_b), "need equal lengths"
    total = 0.0
    i = 0
    while i < len(vec_a):
        total = total + vec_a[i] * vec_b[i]
        i += 1
    print("w_sum ->", total, file=sys.stderr)
    return total


def ele_mul(scalar, vec):
    return tuple(scalar * v for v in vec)


def vect_mat_mul(v, m):
    out = [0] * len(m)
    for row_index, row in enumerate(m):
        out[row_index] = w_sum(v, row)
    return tuple(out)


def stacked_network(inp, ws):
    layer = inp
    for matrix in ws:
        layer = vect_mat_mul(layer, matrix)
    return list(layer)


def dot_shape(a, b):
    (n, k1), (k2, m) = a, b
    return (n, m) if k1 == k2 else None
