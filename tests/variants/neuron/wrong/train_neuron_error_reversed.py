# exercise: train_neuron
# check: train_neuron_video_run
# misconception: neuron.train_neuron.train_neuron_subtracts
# The error taken the other way round (output - outputs) and the adjustment still added.
import numpy as np


def train_neuron(inputs, outputs, weights, iterations):
    weights = np.array(weights, dtype=float)
    for _ in range(iterations):
        output = think(inputs, weights)
        error = output - outputs
        weights += inputs.T @ (error * output * (1 - output))
    return weights
