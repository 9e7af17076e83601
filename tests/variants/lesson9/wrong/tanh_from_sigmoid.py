# exercise: tanh
# check: tanh_values
# misconception: lesson9.tanh.tanh_from_sigmoid
def tanh(x):
    return 2.0 / (1.0 + np.exp(-np.asarray(x, dtype=float))) - 1.0
