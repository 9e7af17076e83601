# exercise: hot_cold_learning
# check: hot_cold_learning_step10
# misconception: lesson4.hot_cold_learning.hot_cold_learning_never_updates
# hot_cold_step is called as if it changed the weight in place.
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    history = []
    i = 0
    while i < iterations:
        pred = input * weight
        history.append((squared_error(pred, goal), pred))
        hot_cold_step(input, weight, goal, step_amount)
        i += 1
    return history
