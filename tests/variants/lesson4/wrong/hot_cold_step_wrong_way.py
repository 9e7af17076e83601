# exercise: hot_cold_step
# check: hot_cold_step_trace
# misconception: lesson4.hot_cold_step.hot_cold_step_wrong_way
# message: the two moves are swapped: the weight
def hot_cold_step(input, weight, goal, step_amount):
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    if down_error < up_error:
        return weight + step_amount
    if up_error < down_error:
        return weight - step_amount
    return weight
