# lesson: lesson4
# exercise: hot_cold_learning
# Yields the pairs instead of returning a list: a generator cannot be carried back as data.
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    for _ in range(iterations):
        prediction = input * weight
        yield (prediction - goal) ** 2, prediction
        weight = hot_cold_step(input, weight, goal, step_amount)
