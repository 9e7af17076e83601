# The video's class, with the exercise functions as thin wrappers; trains in place.
class NeuralNetwork:
    def __init__(self, synaptic_weights):
        self.synaptic_weights = synaptic_weights

    def __sigmoid(self, x):
        return 1 / (1 + np.exp(-x))

    def __sigmoid_derivative(self, x):
        return x * (1 - x)

    def train(self, training_set_inputs, training_set_outputs, number_of_training_iterations):
        for iteration in range(number_of_training_iterations):
            output = self.think(training_set_inputs)
            error = training_set_outputs - output
            adjustment = np.dot(training_set_inputs.T, error * self.__sigmoid_derivative(output))
            self.synaptic_weights += adjustment

    def think(self, inputs):
        return self.__sigmoid(np.dot(inputs, self.synaptic_weights))


def think(inputs, weights):
    return NeuralNetwork(weights).think(inputs)


def train_neuron(training_set_inputs, training_set_outputs, synaptic_weights, number_of_training_iterations):
    network = NeuralNetwork(synaptic_weights)
    network.train(training_set_inputs, training_set_outputs, number_of_training_iterations)
    return network.synaptic_weights
