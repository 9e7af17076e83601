# exercise: train_deep_network
# check: train_deep_network_one_step
# misconception: lesson6.train_deep_network.train_deep_network_transposed_update
# message: transposed
import numpy as np


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    weights_0_1, weights_1_2 = np.array(weights_0_1), np.array(weights_1_2)
    goals = np.asarray(goals).reshape(-1, 1)
    errors = []
    for _ in range(iterations):
        total = 0
        for i in range(len(inputs)):
            layer_0 = inputs[i:i + 1]
            layer_1 = relu(layer_0.dot(weights_0_1))
            layer_2 = layer_1.dot(weights_1_2)
            total += np.sum((layer_2 - goals[i:i + 1]) ** 2)
            layer_2_delta = layer_2 - goals[i:i + 1]
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * relu2deriv(layer_1)
            weights_1_2 -= alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 -= alpha * layer_1_delta.T.dot(layer_0)
        errors.append(total)
    return errors, weights_0_1, weights_1_2
