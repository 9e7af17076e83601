# exercise: relu2deriv
# misconception: lesson6.relu2deriv.relu2deriv_returns_output
# message: itself
def relu2deriv(output):
    return output
