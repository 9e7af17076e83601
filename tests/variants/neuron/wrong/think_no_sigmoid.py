# exercise: think
# misconception: neuron.think.think_no_sigmoid
# message: weighted sum before the sigmoid
def think(inputs, weights):
    return np.dot(inputs, weights)
