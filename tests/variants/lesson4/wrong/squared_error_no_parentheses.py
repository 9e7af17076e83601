# exercise: squared_error
# misconception: lesson4.squared_error.squared_error_no_parentheses
import math


def squared_error(prediction, goal):
    return prediction - math.pow(goal, 2)
