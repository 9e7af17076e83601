# exercise: sigmoid2deriv
# misconception: lesson9.sigmoid2deriv.sigmoid2deriv_tanh_formula
def sigmoid2deriv(output):
    return 1.0 - output * output
