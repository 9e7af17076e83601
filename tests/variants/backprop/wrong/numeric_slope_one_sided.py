# exercise: numeric_slope
# check: numeric_slope_talk, numeric_slope_big_nudge
# misconception: backprop.numeric_slope.numeric_slope_one_sided
# message: one side only
def numeric_slope(coeffs, w, h=1e-4):
    e_here = sum(c * w ** k for k, c in enumerate(coeffs))
    e_up = sum(c * (w + h) ** k for k, c in enumerate(coeffs))
    return (e_up - e_here) / h
