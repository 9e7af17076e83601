# exercise: tanh2deriv
# misconception: lesson9.tanh2deriv.tanh2deriv_square_of_difference
def tanh2deriv(output):
    one_minus = 1 - output
    return one_minus * one_minus
