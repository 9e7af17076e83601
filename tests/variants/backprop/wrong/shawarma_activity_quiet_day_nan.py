# exercise: shawarma_activity
# check: shawarma_activity_quiet_day
# A day with no active input gives 0/0 (NaN) instead of 0.
import numpy as np


def shawarma_activity(active, weights):
    active = np.asarray(active, dtype=float)
    with np.errstate(all="ignore"):
        return np.asarray(weights, dtype=float) @ active / active.sum()
