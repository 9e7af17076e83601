# exercise: relu2deriv
# check: relu2deriv_backprop
# misconception: lesson6.relu2deriv.relu2deriv_at_zero
# message: the comparison is output >= 0, which
def relu2deriv(output):
    return output >= 0
