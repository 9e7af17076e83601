# exercise: relu2deriv
# misconception: lesson6.relu2deriv.relu2deriv_sign
import numpy as np


def relu2deriv(output):
    return np.where(output > 0, 1, np.where(output < 0, -1, 0))
