# exercise: elementwise_mul
# check: elementwise_mul_talk
# misconception: rnn.elementwise_mul.elementwise_mul_dot
# message: a dot product
import numpy as np


def elementwise_mul(a, b):
    return a.dot(b)
