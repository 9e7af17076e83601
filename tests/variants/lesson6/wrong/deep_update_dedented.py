# exercise: train_deep_network
# check: train_deep_network_errors
# misconception: lesson6.train_deep_network.train_deep_network_update_dedented
# message: dedented out of the pattern loop
# The 'Putting it all together' slide as printed.
import numpy as np


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    weights_0_1, weights_1_2 = np.array(weights_0_1), np.array(weights_1_2)
    walk_vs_stop = np.array([goals]).T
    errors = []
    for iteration in range(iterations):
        layer_2_error = 0
        for i in range(len(inputs)):
            layer_0 = inputs[i:i+1]
            layer_1 = relu(np.dot(layer_0, weights_0_1))
            layer_2 = np.dot(layer_1, weights_1_2)

            layer_2_error += np.sum((layer_2 - walk_vs_stop[i:i+1]) ** 2)

        layer_2_delta = (layer_2 - walk_vs_stop[i:i+1])
        layer_1_delta = layer_2_delta.dot(weights_1_2.T) * relu2deriv(layer_1)

        weights_1_2 -= alpha * layer_1.T.dot(layer_2_delta)
        weights_0_1 -= alpha * layer_0.T.dot(layer_1_delta)
        errors.append(layer_2_error)
    return errors, weights_0_1, weights_1_2
