# exercise: softmax
# check: softmax_trace, softmax_is_proportional_to_exp
# misconception: lesson9.softmax.softmax_axis_one
# The course's listing (axis=1), with the largest value subtracted.
def softmax(x):
    temp = np.exp(x - x.max(axis=1, keepdims=True))
    return temp / np.sum(temp, axis=1, keepdims=True)
