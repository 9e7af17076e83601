# exercise: squash
# check: squash_big_votes
# The talk's spoken values ("just under 0.5", "about 0.6"): tanh rounded to one digit.
# message: the talk's words
import numpy as np


def squash(x):
    return np.round(np.tanh(x), 1)
