# exercise: relu
# check: relu_talk
# message: absolute value
# misconception: lesson10.relu.relu_abs
def relu(x):
    return (x ** 2) ** 0.5
