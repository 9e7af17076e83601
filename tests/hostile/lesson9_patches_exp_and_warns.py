# lesson: lesson9
# exercise: softmax
# Floods stderr with warnings at import; softmax replaces np.exp and np.sum when it is
# first called and answers with them. Each exercise runs in a process of its own, so the
# patch reaches no other exercise (sigmoid, tanh use np.exp too) and never the grader's
# NumPy: only softmax and the training that calls it may lose points.
import sys
import warnings

import numpy as np

for _ in range(2000):
    warnings.warn("overflow encountered, probably", RuntimeWarning)
    print("noise on stderr", file=sys.stderr)


def softmax(x):
    real_exp = np.exp
    np.exp = lambda v: real_exp(np.asarray(v, dtype=float)) + 1.0
    np.sum = lambda v, *args, **kwargs: 1.0
    temp = np.exp(x)
    return temp / np.sum(temp, axis=-1, keepdims=True)
