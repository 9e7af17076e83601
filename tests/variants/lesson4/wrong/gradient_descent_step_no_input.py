# exercise: gradient_descent_step
# message: the input is missing from the step
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta
    return weight - alpha * weight_delta
