# exercise: relu
# check: relu_talk
# message: the mask x > 0
# misconception: lesson10.relu.relu_mask
def relu(x):
    return x > 0
