# exercise: softmax
# misconception: lesson9.softmax.softmax_whole_array
# message: np.max and np.sum are taken over the
def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()
