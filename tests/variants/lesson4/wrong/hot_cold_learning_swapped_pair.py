# exercise: hot_cold_learning
# misconception: lesson4.hot_cold_learning.hot_cold_learning_swapped_pair
# message: each pair is stored as (prediction, error)
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        history.append([prediction, squared_error(prediction, goal)])
        weight = hot_cold_step(input, weight, goal, step_amount)
    return history
