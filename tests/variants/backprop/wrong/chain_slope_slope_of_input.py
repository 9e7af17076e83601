# exercise: chain_slope
# check: chain_slope_is_the_nudge
# de/dx (w1 * w2) instead of de/dw1.
def chain_slope(x, w1, w2):
    return w1 * w2
