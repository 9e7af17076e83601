# exercise: relu2deriv
# message: itself
def relu2deriv(output):
    return output
