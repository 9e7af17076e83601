# exercise: hot_cold_step
# check: hot_cold_step_stays_on_a_tie
# misconception: lesson4.hot_cold_step.hot_cold_step_tie_moves_down
# message: down is chosen with down_error <= up_error
# Up only when it is strictly better, otherwise down: a tie goes down.
def hot_cold_step(input, weight, goal, step_amount):
    trials = {}
    for direction in (1, -1):
        prediction = input * (weight + direction * step_amount)
        trials[direction] = (prediction - goal) ** 2
    if trials[1] < trials[-1]:
        return weight + step_amount
    return weight - step_amount
