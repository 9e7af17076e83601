# exercise: sigmoid2deriv
# misconception: lesson9.sigmoid2deriv.sigmoid2deriv_plus
def sigmoid2deriv(output):
    return output + output ** 2
