# exercise: gradient_descent_step
# message: The weight moved the wrong way
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    return weight + alpha * weight_delta
