# exercise: unroll_dinners
# check: unroll_dinners_one_night
# misconception: rnn.unroll_dinners.unroll_dinners_known_first
# message: the known dinner is the first row
import numpy as np


def unroll_dinners(known, weights, days):
    nights = [known]
    for _ in range(days - 1):
        nights.append(predict_dinner(nights[-1], weights))
    return np.array(nights)
