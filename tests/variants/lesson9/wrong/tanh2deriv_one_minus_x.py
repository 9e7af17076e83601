# exercise: tanh2deriv
# misconception: lesson9.tanh2deriv.tanh2deriv_not_squared
# message: 1 - output ** 2
def tanh2deriv(output):
    return 1 - output
