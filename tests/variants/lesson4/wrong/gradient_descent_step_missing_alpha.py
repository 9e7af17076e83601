# exercise: gradient_descent_step
# check: gradient_descent_step_trace
# misconception: lesson4.gradient_descent_step.gradient_descent_step_missing_alpha
# message: alpha is left out of the update
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    return weight - weight_delta
