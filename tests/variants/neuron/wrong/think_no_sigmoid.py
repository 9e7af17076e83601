# exercise: think
# check: think_video_prediction
# misconception: neuron.think.think_no_sigmoid
# message: the weighted sum is returned without the
def think(inputs, weights):
    return np.dot(inputs, weights)
