# exercise: unroll_dinners
# check: unroll_dinners_two_weeks
# misconception: rnn.unroll_dinners.unroll_dinners_no_recurrence
# message: previous night's prediction
import numpy as np


def unroll_dinners(known, weights, days):
    return np.array([predict_dinner(known, weights) for day in range(days)])
