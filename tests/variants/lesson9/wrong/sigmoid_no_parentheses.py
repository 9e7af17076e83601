# exercise: sigmoid
# check: sigmoid_squared_errors
# misconception: lesson9.sigmoid.sigmoid_no_parentheses
def sigmoid(x):
    return 1/1+np.exp(-x)
