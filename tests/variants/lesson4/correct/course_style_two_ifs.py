# The slides' hot and cold loop, pasted in; gradient descent the "direction_and_amount" way.
def hot_cold_step(input, weight, goal_prediction, step_amount):
    up_prediction = input * (weight + step_amount)
    up_error = (goal_prediction - up_prediction) ** 2

    down_prediction = input * (weight - step_amount)
    down_error = (goal_prediction - down_prediction) ** 2

    if(down_error < up_error):
        weight = weight - step_amount

    if(down_error > up_error):
        weight = weight + step_amount
    return weight


def hot_cold_learning(input, weight, goal_prediction, step_amount, iterations):
    history = []
    for iteration in range(iterations):
        prediction = input * weight
        error = (prediction - goal_prediction) ** 2
        history.append((error, prediction))

        up_prediction = input * (weight + step_amount)
        up_error = (goal_prediction - up_prediction) ** 2

        down_prediction = input * (weight - step_amount)
        down_error = (goal_prediction - down_prediction) ** 2

        if(down_error < up_error):
            weight = weight - step_amount

        if(down_error > up_error):
            weight = weight + step_amount
    return history


def gradient_descent(input, weight, goal_pred, alpha, iterations):
    history = []
    for iteration in range(iterations):
        pred = input * weight
        error = (pred - goal_pred) ** 2
        direction_and_amount = (pred - goal_pred) * input * alpha
        weight = weight - direction_and_amount
        history.append((error, pred))
    return history
