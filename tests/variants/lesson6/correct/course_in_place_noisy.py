# The course's own habits: updates in place on the given arrays (`+=` with
# delta = goal - prediction), boolean slopes, and its "Error:" printouts.
import numpy as np


def streetlight_one_light(input, goal_prediction, weights, alpha, iterations):
    history = []
    for iteration in range(iterations):
        prediction = input.dot(weights)
        error = (goal_prediction - prediction) ** 2
        delta = prediction - goal_prediction
        weights -= alpha * (input * delta)
        print("Error:" + str(error) + " Prediction:" + str(prediction))
        history.append((error, prediction))
    return history


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    errors = []
    for iteration in range(iterations):
        error_for_all_lights = 0
        for row_index in range(len(walk_vs_stop)):
            input = streetlights[row_index]
            goal_prediction = walk_vs_stop[row_index]
            prediction = input.dot(weights)
            error = (goal_prediction - prediction) ** 2
            error_for_all_lights += error
            delta = prediction - goal_prediction
            weights -= alpha * (input * delta)
            print("Prediction:" + str(prediction))
        print("Error:" + str(error_for_all_lights) + "\n")
        errors.append(error_for_all_lights)
    return errors


def relu(x):
    return (x > 0) * x


def relu2deriv(output):
    return output > 0


def train_deep_network(streetlights, walk_vs_stop, weights_0_1, weights_1_2, alpha, iterations):
    walk_vs_stop = np.array([walk_vs_stop]).T
    errors = []
    for iteration in range(iterations):
        layer_2_error = 0
        for i in range(len(streetlights)):
            layer_0 = streetlights[i:i+1]
            layer_1 = relu(np.dot(layer_0, weights_0_1))
            layer_2 = np.dot(layer_1, weights_1_2)

            layer_2_error += np.sum((layer_2 - walk_vs_stop[i:i+1]) ** 2)

            layer_2_delta = (walk_vs_stop[i:i+1] - layer_2)
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * relu2deriv(layer_1)

            weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)

        if iteration % 10 == 9:
            print("Error:" + str(layer_2_error))
        errors.append(layer_2_error)
    return errors, weights_0_1, weights_1_2
