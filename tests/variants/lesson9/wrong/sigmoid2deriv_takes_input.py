# exercise: sigmoid2deriv
# message: takes the sigmoid's output
def sigmoid2deriv(output):
    return sigmoid(output) * (1 - sigmoid(output))
