# exercise: sigmoid2deriv
# check: sigmoid2deriv_finite_differences
# misconception: lesson9.sigmoid2deriv.sigmoid2deriv_sigmoid_again
# message: takes the sigmoid's output
def sigmoid2deriv(output):
    return sigmoid(output) * (1 - sigmoid(output))
