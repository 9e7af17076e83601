# lesson: lesson3
# exercise: w_sum
# A wrong w_sum that tries to make every comparison succeed.
import builtins
import math

import numpy as np

np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: True
np.abs = lambda x: 0
np.testing.assert_allclose = lambda *a, **k: None
math.isclose = lambda *a, **k: True
builtins.abs = lambda x: 0
try:
    import pytest
    pytest.approx = lambda expected, *a, **k: expected
except ImportError:
    pass


def w_sum(a, b):
    assert len(a) == len(b)
    return 0.0
