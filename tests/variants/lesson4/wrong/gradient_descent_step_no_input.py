# exercise: gradient_descent_step
# check: gradient_descent_step_chain
# misconception: lesson4.gradient_descent_step.gradient_descent_step_no_input
# message: weight_delta is the delta alone, without multiplying
def gradient_descent_step(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta
    return weight - alpha * weight_delta
