# exercise: softmax
# check: softmax_large_inputs
# message: NaN
# misconception: lesson9.softmax.softmax_no_max_shift
def softmax(x):
    temp = np.exp(x)
    return temp / np.sum(temp, axis=-1, keepdims=True)
