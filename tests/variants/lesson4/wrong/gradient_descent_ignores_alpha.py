# exercise: gradient_descent
# check: gradient_descent_alpha
# misconception: lesson4.gradient_descent.gradient_descent_ignores_alpha
# The slide's "direction_and_amount" loop, copied with its names.
def gradient_descent(input, weight, goal, alpha, iterations):
    goal_pred = goal
    history = []
    for iteration in range(iterations):
        pred = input * weight
        error = (pred - goal_pred) ** 2
        direction_and_amount = (pred - goal_pred) * input
        weight = weight - direction_and_amount
        history.append((error, pred))
    return history
