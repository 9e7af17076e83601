# exercise: train_neuron
# message: the slope is taken of the weighted
# misconception: neuron.train_neuron.train_neuron_slope_of_sum
def train_neuron(inputs, outputs, weights, iterations):
    weights = np.array(weights, dtype=float)
    for _ in range(iterations):
        layer = np.dot(inputs, weights)
        output = think(inputs, weights)
        weights += np.dot(inputs.T, (outputs - output) * layer * (1 - layer))
    return weights
