# exercise: relu
# check: relu_hidden_layer
# message: np.maximum(x, 0)
def relu(x):
    return max(x, 0)
