# exercise: tanh2deriv
# check: tanh2deriv_finite_differences
# misconception: lesson9.tanh2deriv.tanh2deriv_tanh_again
# message: already squashed
def tanh2deriv(output):
    return 1 / np.cosh(output) ** 2  # the slope of tanh at output, as if output were x
