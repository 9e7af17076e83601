# All of lesson 4 in NumPy: NumPy scalars, and histories as (n, 2) float arrays.
import numpy as np


def squared_error(prediction, goal):
    return np.square(np.float64(prediction) - goal)


def hot_cold_step(input, weight, goal, step_amount):
    trials = weight + np.array([step_amount, -step_amount])
    errors = np.square(input * trials - goal)
    if errors[0] == errors[1]:
        return np.float64(weight)
    return trials[np.argmin(errors)]


def hot_cold_learning(input, weight, goal, step_amount, iterations):
    history = np.zeros((iterations, 2))
    for i in range(iterations):
        prediction = input * weight
        history[i] = squared_error(prediction, goal), prediction
        weight = hot_cold_step(input, weight, goal, step_amount)
    return history


def gradient_descent_step(input, weight, goal, alpha):
    return np.float64(weight) - alpha * input * (input * weight - goal)


def gradient_descent(input, weight, goal, alpha, iterations):
    history = np.empty((iterations, 2))
    for i in range(iterations):
        prediction = np.multiply(input, weight)
        history[i, 0] = np.power(prediction - goal, 2)
        history[i, 1] = prediction
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history
