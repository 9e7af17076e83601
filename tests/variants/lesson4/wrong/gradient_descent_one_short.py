# exercise: gradient_descent
# message: one entry short
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(1, iterations):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history
