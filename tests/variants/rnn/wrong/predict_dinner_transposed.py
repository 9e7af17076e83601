# exercise: predict_dinner
# misconception: rnn.predict_dinner.predict_dinner_transposed
# message: yesterday @ weights
import numpy as np


def predict_dinner(yesterday, weights):
    return np.dot(yesterday, weights)
