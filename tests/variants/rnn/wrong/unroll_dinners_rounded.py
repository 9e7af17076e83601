# exercise: unroll_dinners
# Each night rounded to its most likely dinner (one-hot) before it is fed back: right for
# the cycle, not for weights that vote more softly.
import numpy as np


def unroll_dinners(known, weights, days):
    nights, night = [], known
    for _ in range(days):
        night = np.eye(len(known))[np.argmax(predict_dinner(night, weights))]
        nights.append(night)
    return np.array(nights)
