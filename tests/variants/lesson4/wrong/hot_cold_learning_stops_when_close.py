# exercise: hot_cold_learning
# check: hot_cold_learning_trace
# message: misprint of 2.50000000033e-07
# Stops updating the weight once the error looks small enough.
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        error = squared_error(prediction, goal)
        history.append((error, prediction))
        if error > 1e-6:
            weight = hot_cold_step(input, weight, goal, step_amount)
    return history
