# exercise: gradient_descent_step
# misconception: lesson4.gradient_descent_step.gradient_descent_step_error_not_delta
def gradient_descent_step(input, weight, goal, alpha):
    error = squared_error(input * weight, goal)
    weight_delta = input * error
    return weight - weight_delta * alpha
