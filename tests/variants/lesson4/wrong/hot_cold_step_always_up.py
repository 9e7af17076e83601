# exercise: hot_cold_step
# check: hot_cold_step_steps_down, hot_cold_step_moves_when_both_worse
# message: went up where a step down gives the lower error
def hot_cold_step(input, weight, goal, step_amount):
    # never compares the two trials: always tries going up
    return weight + step_amount
