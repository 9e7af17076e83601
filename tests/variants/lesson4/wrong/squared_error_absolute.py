# exercise: squared_error
# check: squared_error_trace
# misconception: lesson4.squared_error.squared_error_absolute
# message: the absolute value of the pure error
def squared_error(prediction, goal):
    return abs(prediction - goal)
