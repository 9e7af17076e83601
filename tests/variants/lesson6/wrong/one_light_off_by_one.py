# exercise: streetlight_one_light
# check: streetlight_one_light_edge_case
# misconception: lesson6.streetlight_one_light.streetlight_one_light_one_short
# message: the loop runs one iteration short (range(iterations
import numpy as np


def streetlight_one_light(input, goal, weights, alpha, iterations):
    weights = np.array(weights, dtype=float)
    history = []
    for _ in range(iterations - 1):
        prediction = input.dot(weights)
        error = (goal - prediction) ** 2
        delta = prediction - goal
        weights = weights - alpha * (input * delta)
        history.append((error, prediction))
    return history
