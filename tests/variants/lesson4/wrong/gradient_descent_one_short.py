# exercise: gradient_descent
# check: gradient_descent_several_steps, gradient_descent_zero_iterations
# misconception: lesson4.gradient_descent.gradient_descent_one_short
# message: the loop runs one time too few
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(1, iterations):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history
