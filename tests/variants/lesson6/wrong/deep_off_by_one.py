# exercise: train_deep_network
# check: train_deep_network_no_iterations
# message: one iteration too many
import numpy as np


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    goals = np.asarray(goals, dtype=float).reshape(-1, 1)
    weights_0_1 = np.array(weights_0_1, dtype=float)
    weights_1_2 = np.array(weights_1_2, dtype=float)
    errors = []
    for iteration in range(iterations + 1):
        layer_2_error = 0
        for i in range(len(inputs)):
            layer_0 = inputs[i:i + 1]
            layer_1 = relu(np.dot(layer_0, weights_0_1))
            layer_2 = np.dot(layer_1, weights_1_2)
            layer_2_error += np.sum((layer_2 - goals[i:i + 1]) ** 2)
            layer_2_delta = layer_2 - goals[i:i + 1]
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * relu2deriv(layer_1)
            weights_1_2 -= alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 -= alpha * layer_0.T.dot(layer_1_delta)
        errors.append(layer_2_error)
    return errors, weights_0_1, weights_1_2
