# exercise: relu
# message: np.maximum(x, 0)
def relu(x):
    return max(x, 0)
