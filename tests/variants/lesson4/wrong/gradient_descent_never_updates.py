# exercise: gradient_descent
# check: gradient_descent_direction_and_amount
# misconception: lesson4.gradient_descent.gradient_descent_never_updates
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for iteration in range(iterations):
        new_weight = gradient_descent_step(input, weight, goal, alpha)
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
    return history
