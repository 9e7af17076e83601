# exercise: think
# message: weighted sum before the sigmoid
def think(inputs, weights):
    return np.dot(inputs, weights)
