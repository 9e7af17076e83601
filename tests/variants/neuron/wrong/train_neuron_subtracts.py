# exercise: train_neuron
# misconception: neuron.train_neuron.train_neuron_subtracts
# message: the weights move the wrong way: the
def train_neuron(inputs, outputs, weights, iterations):
    weights = np.array(weights, dtype=float)
    for _ in range(iterations):
        output = think(inputs, weights)
        weights -= np.dot(inputs.T, (outputs - output) * output * (1 - output))
    return weights
