# exercise: tanh
def tanh(x):
    return np.zeros_like(np.asarray(x, dtype=float))
