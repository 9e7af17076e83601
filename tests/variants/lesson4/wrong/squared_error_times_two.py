# exercise: squared_error
# misconception: lesson4.squared_error.squared_error_times_two
# A typo: * 2 for ** 2.
def squared_error(prediction, goal):
    pure_error = prediction - goal
    return 2 * pure_error
