# exercise: softmax
# misconception: lesson9.softmax.softmax_no_keepdims
def softmax(x):
    e = np.exp(x - np.amax(x, -1))
    return e / e.sum(-1)
