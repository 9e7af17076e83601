# Histories preallocated as (n, 2) arrays and filled row by row; the step in one line.
import numpy as np


def gradient_descent_step(input, weight, goal, alpha):
    return weight - alpha * input * (input * weight - goal)


def gradient_descent(input, weight, goal, alpha, iterations):
    rows = np.zeros((iterations, 2))
    for row in rows:
        prediction = input * weight
        row[:] = [squared_error(prediction, goal), prediction]
        weight = gradient_descent_step(input, weight, goal, alpha)
    return rows


def hot_cold_learning(input, weight, goal, step_amount, iterations):
    rows = np.zeros((iterations, 2))
    for i in range(len(rows)):
        rows[i, 1] = input * weight
        rows[i, 0] = squared_error(rows[i, 1], goal)
        weight = hot_cold_step(input, weight, goal, step_amount)
    return rows
