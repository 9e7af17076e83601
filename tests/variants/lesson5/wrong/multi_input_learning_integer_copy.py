# exercise: multi_input_learning
# check: multi_input_learning_frozen_not_first
# message: cut down to whole numbers
import numpy as np


def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    weights = np.array(weights)  # integer weights give an integer copy
    history = []
    for _ in range(iterations):
        prediction = float(np.dot(input, weights))
        delta = prediction - goal
        history.append((prediction, delta ** 2, weights.tolist()))
        for i in range(len(weights)):
            if i not in frozen:
                weights[i] -= alpha * delta * input[i]
    return history
