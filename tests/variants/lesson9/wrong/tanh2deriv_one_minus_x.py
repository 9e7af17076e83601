# exercise: tanh2deriv
# message: 1 - output ** 2
def tanh2deriv(output):
    return 1 - output
