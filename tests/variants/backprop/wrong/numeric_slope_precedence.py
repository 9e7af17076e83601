# exercise: numeric_slope
# check: numeric_slope_bottom
# misconception: backprop.numeric_slope.numeric_slope_precedence
def numeric_slope(coeffs, w, h=1e-4):
    total_up = total_down = 0.0
    for power, c in enumerate(coeffs):
        total_up += c * (w + h) ** power
        total_down += c * (w - h) ** power
    return (total_up - total_down) / 2 * h
