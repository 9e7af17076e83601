# exercise: tanh2deriv
# misconception: lesson9.tanh2deriv.tanh2deriv_not_squared
# message: the output is not squared: one minus
def tanh2deriv(output):
    return 1 - output
