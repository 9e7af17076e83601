# exercise: numeric_slope
# check: numeric_slope_talk
# misconception: backprop.numeric_slope.numeric_slope_divided_by_h
# message: the weight moved by 2 * h
def numeric_slope(coeffs, w, h=1e-4):
    def E(x):
        return sum(c * x ** k for k, c in enumerate(coeffs))
    return (E(w + h) - E(w - h)) / h
