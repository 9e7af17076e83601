# exercise: gradient_descent
# check: gradient_descent_reducing_error
# misconception: lesson4.gradient_descent.gradient_descent_after_update
# message: the weight is updated first and the
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations):
        weight = gradient_descent_step(input, weight, goal, alpha)
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
    return history
