# exercise: squared_error
# misconception: lesson4.squared_error.squared_error_absolute
# message: That is the absolute error
def squared_error(prediction, goal):
    return abs(prediction - goal)
