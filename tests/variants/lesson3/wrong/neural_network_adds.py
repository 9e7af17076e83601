# exercise: neural_network
# misconception: lesson3.neural_network.neural_network_adds
def neural_network(input, weight):
    return input + weight
