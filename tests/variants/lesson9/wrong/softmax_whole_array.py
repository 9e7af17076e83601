# exercise: softmax
# misconception: lesson9.softmax.softmax_whole_array
# message: sum of the whole array
def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()
