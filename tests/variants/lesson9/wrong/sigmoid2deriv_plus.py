# exercise: sigmoid2deriv
# check: sigmoid2deriv_at_half
# misconception: lesson9.sigmoid2deriv.sigmoid2deriv_plus
def sigmoid2deriv(output):
    return output + output ** 2
