# exercise: train_neuron
# check: train_neuron_zero_iterations_keeps_start_weights
# misconception: neuron.train_neuron.train_neuron_one_update
def train_neuron(inputs, outputs, weights, iterations):
    weights = np.array(weights, dtype=float)
    output = think(inputs, weights)
    return weights + np.dot(inputs.T, (outputs - output) * output * (1 - output))
