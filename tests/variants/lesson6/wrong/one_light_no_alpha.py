# exercise: streetlight_one_light
# misconception: lesson6.streetlight_one_light.streetlight_one_light_no_alpha
# message: alpha is left out of the update
import numpy as np


def streetlight_one_light(input, goal, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    history = []
    for _ in range(iterations):
        prediction = input.dot(weights)
        error = (goal - prediction) ** 2
        delta = prediction - goal
        weights = weights - input * delta
        history.append((error, prediction))
    return history
