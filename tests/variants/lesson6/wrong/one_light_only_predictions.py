# exercise: streetlight_one_light
import numpy as np


def streetlight_one_light(input, goal, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    predictions = []
    for _ in range(iterations):
        prediction = input.dot(weights)
        delta = prediction - goal
        weights = weights - alpha * (input * delta)
        predictions.append(prediction)
    return predictions
