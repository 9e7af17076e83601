# exercise: squared_error
# misconception: lesson4.squared_error.squared_error_not_squared
# message: That is the pure error, not squared yet
def squared_error(prediction, goal):
    return prediction - goal
