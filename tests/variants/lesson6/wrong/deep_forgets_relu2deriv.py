# exercise: train_deep_network
# check: train_deep_network_one_step
# misconception: lesson6.train_deep_network.train_deep_network_no_relu2deriv
# The 'One iteration of backpropagation' slide's two-line delta with its second line
# (layer_1_delta *= relu2deriv(layer_1)) left out.
import numpy as np


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    weights_0_1 = np.array(weights_0_1, dtype=float)
    weights_1_2 = np.array(weights_1_2, dtype=float)
    goals = np.asarray(goals, dtype=float).reshape(-1, 1)
    errors = []
    for iteration in range(iterations):
        layer_2_error = 0
        for i in range(len(inputs)):
            layer_0 = inputs[i:i + 1]
            layer_1 = np.dot(layer_0, weights_0_1)
            layer_1 = relu(layer_1)
            layer_2 = np.dot(layer_1, weights_1_2)
            error = (layer_2 - goals[i:i + 1]) ** 2
            layer_2_error += np.sum(error)
            layer_2_delta = layer_2 - goals[i:i + 1]
            layer_1_delta = layer_2_delta.dot(weights_1_2.T)
            weight_delta_1_2 = layer_1.T.dot(layer_2_delta)
            weight_delta_0_1 = layer_0.T.dot(layer_1_delta)
            weights_1_2 -= alpha * weight_delta_1_2
            weights_0_1 -= alpha * weight_delta_0_1
        errors.append(layer_2_error)
    return errors, weights_0_1, weights_1_2
