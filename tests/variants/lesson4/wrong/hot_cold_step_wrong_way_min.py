# exercise: hot_cold_step
# misconception: lesson4.hot_cold_step.hot_cold_step_wrong_way
# message: the two moves are swapped: the weight
# max() where min() was meant.
def hot_cold_step(input, weight, goal, step_amount):
    up, down = weight + step_amount, weight - step_amount
    up_error, down_error = squared_error(input * up, goal), squared_error(input * down, goal)
    if up_error == down_error:
        return weight
    return up if up_error == max(up_error, down_error) else down
