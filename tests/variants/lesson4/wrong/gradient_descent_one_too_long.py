# exercise: gradient_descent
# message: one entry too many
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations + 1):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history
