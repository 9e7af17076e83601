# exercise: relu
# message: the mask x > 0
def relu(x):
    return x > 0
