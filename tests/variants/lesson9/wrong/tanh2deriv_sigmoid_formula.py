# exercise: tanh2deriv
# misconception: lesson9.tanh2deriv.tanh2deriv_sigmoid_formula
def tanh2deriv(output):
    return output - output ** 2
