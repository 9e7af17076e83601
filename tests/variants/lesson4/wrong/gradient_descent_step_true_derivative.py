# exercise: gradient_descent_step
# misconception: lesson4.gradient_descent_step.gradient_descent_step_doubled_alpha
# message: kept with its factor 2
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    derivative = 2 * (prediction - goal) * input  # d/dw of (prediction - goal) ** 2
    return weight - alpha * derivative
