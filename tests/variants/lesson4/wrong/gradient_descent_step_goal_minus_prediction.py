# exercise: gradient_descent_step
# misconception: lesson4.gradient_descent_step.gradient_descent_step_sign_flip
# message: alpha * weight_delta is added instead of
def gradient_descent_step(input, weight, goal, alpha):
    delta = goal - input * weight
    weight -= delta * input * alpha
    return weight
