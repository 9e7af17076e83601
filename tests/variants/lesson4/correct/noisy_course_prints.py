# The course's loops, printing every iteration as the slides do.
def squared_error(prediction, goal):
    error = (prediction - goal) ** 2
    print("Error:" + str(error))
    return error


def hot_cold_step(input, weight, goal, step_amount):
    up_prediction = input * (weight + step_amount)
    up_error = (goal - up_prediction) ** 2
    down_prediction = input * (weight - step_amount)
    down_error = (goal - down_prediction) ** 2
    print("up:" + str(up_error) + " down:" + str(down_error))
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
        print("Error:" + str(error) + " Prediction:" + str(prediction))
        history.append((error, prediction))
        weight = hot_cold_step(input, weight, goal_prediction, step_amount)
    return history


def gradient_descent_step(input, weight, goal_pred, alpha):
    pred = input * weight
    delta = pred - goal_pred
    weight_delta = delta * input
    print("Delta:" + str(delta) + " Weight Delta:" + str(weight_delta))
    weight = weight - weight_delta * alpha
    print("Weight:" + str(weight))
    return weight


def gradient_descent(input, weight, goal_pred, alpha, iterations):
    history = []
    for iteration in range(iterations):
        pred = input * weight
        error = (pred - goal_pred) ** 2
        derivative = input * (pred - goal_pred)
        weight = weight - alpha * derivative
        print("Error:" + str(error) + " Prediction:" + str(pred))
        history.append((error, pred))
    return history
