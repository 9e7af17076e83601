# exercise: one_hot
# check: one_hot_sushi, one_hot_every_dinner
# misconception: rnn.one_hot.one_hot_one_based
# message: counted from 1
import numpy as np


def one_hot(index, size):
    v = np.zeros(size)
    v[index - 1] = 1
    return v
