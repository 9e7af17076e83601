# exercise: squared_error
# message: That is the absolute error
def squared_error(prediction, goal):
    return abs(prediction - goal)
