# exercise: relu2deriv
# message: cannot decide for a whole array at once
def relu2deriv(output):
    if output > 0:
        return 1
    return 0
