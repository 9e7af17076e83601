# exercise: neural_network
# check: neural_network_trace, neural_network_talk
# misconception: lesson3.neural_network.neural_network_adds
def neural_network(input, weight):
    return input + weight
