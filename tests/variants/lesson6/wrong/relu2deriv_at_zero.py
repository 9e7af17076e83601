# exercise: relu2deriv
# message: use output > 0, not >= 0
def relu2deriv(output):
    return output >= 0
