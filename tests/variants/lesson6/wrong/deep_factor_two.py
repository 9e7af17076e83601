# exercise: train_deep_network
# misconception: lesson6.train_deep_network.train_deep_network_factor_two
# message: kept with its factor 2
import numpy as np


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    inputs = np.asarray(inputs, dtype=float)
    goals = np.asarray(goals, dtype=float).reshape(len(inputs), 1)
    w01 = np.array(weights_0_1, dtype=float)
    w12 = np.array(weights_1_2, dtype=float)
    errors = []
    for _ in range(iterations):
        total = 0.0
        for i in range(len(inputs)):
            layer_0 = inputs[i:i + 1]
            layer_1 = relu(layer_0 @ w01)
            layer_2 = layer_1 @ w12
            total += float(np.sum((layer_2 - goals[i:i + 1]) ** 2))
            layer_2_delta = (layer_2 - goals[i:i + 1]) * 2  # the derivative of the square
            layer_1_delta = (layer_2_delta @ w12.T) * relu2deriv(layer_1)
            w12 = w12 - alpha * (layer_1.T @ layer_2_delta)
            w01 = w01 - alpha * (layer_0.T @ layer_1_delta)
        errors.append(total)
    return errors, w01, w12
