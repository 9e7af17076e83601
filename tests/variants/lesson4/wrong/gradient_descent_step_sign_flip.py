# exercise: gradient_descent_step
# check: gradient_descent_step_talk
# misconception: lesson4.gradient_descent_step.gradient_descent_step_sign_flip
# message: alpha * weight_delta is added instead of
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    return weight + alpha * weight_delta
