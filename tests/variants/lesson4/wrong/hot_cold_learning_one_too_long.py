# exercise: hot_cold_learning
# check: hot_cold_learning_zero_iterations
# misconception: lesson4.hot_cold_learning.hot_cold_learning_one_too_long
# message: the loop runs one time too many
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    history = []
    iteration = 0
    while iteration <= iterations:
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = hot_cold_step(input, weight, goal, step_amount)
        iteration += 1
    return history
