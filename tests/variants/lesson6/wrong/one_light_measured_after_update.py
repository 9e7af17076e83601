# exercise: streetlight_one_light
# check: streetlight_one_light_trace
# misconception: lesson6.streetlight_one_light.streetlight_one_light_after_update
# message: each (error, prediction) pair is measured after
import numpy as np


def streetlight_one_light(input, goal, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    history = []
    for _ in range(iterations):
        prediction = input.dot(weights)
        delta = prediction - goal
        weights = weights - alpha * (input * delta)
        prediction = input.dot(weights)
        error = (goal - prediction) ** 2
        history.append((error, prediction))
    return history
