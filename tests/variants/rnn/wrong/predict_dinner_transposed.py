# exercise: predict_dinner
# check: predict_dinner_cycle, predict_dinner_whole_cycle
# misconception: rnn.predict_dinner.predict_dinner_transposed
# message: yesterday @ weights
import numpy as np


def predict_dinner(yesterday, weights):
    return np.dot(yesterday, weights)
