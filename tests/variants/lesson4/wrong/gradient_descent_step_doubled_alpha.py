# exercise: gradient_descent_step
# misconception: lesson4.gradient_descent_step.gradient_descent_step_doubled_alpha
# message: the step is twice the course's: the
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    weight -= alpha * weight_delta
    weight -= alpha * weight_delta
    return weight
