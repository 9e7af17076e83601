# exercise: squared_error
# message: That is the pure error, not squared yet
def squared_error(prediction, goal):
    return prediction - goal
