# exercise: think
# misconception: neuron.think.think_tanh
def think(inputs, weights):
    return np.tanh(np.dot(inputs, weights))
