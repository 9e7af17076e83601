# exercise: hot_cold_learning
# misconception: lesson4.hot_cold_learning.hot_cold_learning_after_update
# message: the weight is updated first and the
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations):
        weight = hot_cold_step(input, weight, goal, step_amount)
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
    return history
