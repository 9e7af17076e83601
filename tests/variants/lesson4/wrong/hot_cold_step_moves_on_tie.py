# exercise: hot_cold_step
# check: hot_cold_step_stays_on_a_tie
# misconception: lesson4.hot_cold_step.hot_cold_step_else_moves_up
# message: an else branch moves the weight up
def hot_cold_step(input, weight, goal, step_amount):
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    if down_error < up_error:
        return weight - step_amount
    else:
        return weight + step_amount
