# exercise: numeric_slope
# misconception: backprop.numeric_slope.numeric_slope_derivative
# The calculus answer (power rule) instead of the nudge the exercise asks for.
def numeric_slope(coeffs, w, h=1e-4):
    slope = 0.0
    for power in range(1, len(coeffs)):
        slope += power * coeffs[power] * w ** (power - 1)
    return slope
