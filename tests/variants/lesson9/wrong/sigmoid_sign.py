# exercise: sigmoid
# check: sigmoid_trace
# misconception: lesson9.sigmoid.sigmoid_exponent_sign
# message: the minus sign of the exponent is
def sigmoid(x):
    return 1 / (1 + np.exp(np.asarray(x, dtype=float)))
