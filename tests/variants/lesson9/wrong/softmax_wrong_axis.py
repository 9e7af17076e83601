# exercise: softmax
# misconception: lesson9.softmax.softmax_columns
# message: axis
def softmax(x):
    x = np.asarray(x, dtype=float)
    temp = np.exp(x - np.max(x, axis=0, keepdims=True))
    return temp / np.sum(temp, axis=0, keepdims=True)
