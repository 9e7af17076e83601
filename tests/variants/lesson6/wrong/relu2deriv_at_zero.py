# exercise: relu2deriv
# misconception: lesson6.relu2deriv.relu2deriv_at_zero
# message: use output > 0, not >= 0
def relu2deriv(output):
    return output >= 0
