# exercise: train_neuron
# check: train_neuron_video_run
# misconception: neuron.train_neuron.train_neuron_no_slope
# message: slope of the sigmoid
def train_neuron(inputs, outputs, weights, iterations):
    weights = np.array(weights, dtype=float)
    for _ in range(iterations):
        weights += np.dot(inputs.T, outputs - think(inputs, weights))
    return weights
