# exercise: sigmoid_slope
# check: sigmoid_slope_at_zero
# misconception: backprop.sigmoid_slope.sigmoid_slope_of_x
# message: applied to x instead of the sigmoid's output
def sigmoid_slope(x):
    return x * (1 - x)
