# exercise: relu
# misconception: lesson6.relu.relu_leaky
def relu(x):
    return (x > 0) * x + (x < 0) * 0.01 * x
