# exercise: chain_slope
# check: chain_slope_example
# misconception: backprop.chain_slope.chain_slope_x_w1
# message: multiplies x by w1 instead of w2
def chain_slope(x, w1, w2):
    y = x * w1
    return y
