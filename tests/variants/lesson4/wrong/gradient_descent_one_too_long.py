# exercise: gradient_descent
# check: gradient_descent_one_iteration
# misconception: lesson4.gradient_descent.gradient_descent_one_too_long
# message: the loop runs one time too many
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations + 1):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history
