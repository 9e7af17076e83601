# exercise: squared_error
# misconception: lesson4.squared_error.squared_error_not_squared
# message: the pure error prediction - goal is
def squared_error(prediction, goal):
    return prediction - goal
