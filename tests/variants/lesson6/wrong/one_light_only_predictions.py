# exercise: streetlight_one_light
# misconception: lesson6.streetlight_one_light.streetlight_one_light_predictions_only
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
