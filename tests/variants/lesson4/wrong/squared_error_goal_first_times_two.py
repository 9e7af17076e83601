# exercise: squared_error
# misconception: lesson4.squared_error.squared_error_times_two
# message: multiplied by 2 instead of squared
def squared_error(prediction, goal):
    return (goal - prediction) * 2
