# exercise: hot_cold_step
# check: hot_cold_step_moves_when_both_worse
# misconception: lesson4.hot_cold_step.hot_cold_step_stays_when_worse
# message: the weight moves only when a trial
# The slides' "step 5": only move when a trial beats the current error.
def hot_cold_step(input, weight, goal, step_amount):
    error = (input * weight - goal) ** 2
    e_up = (input * (weight + step_amount) - goal) ** 2
    e_dn = (input * (weight - step_amount) - goal) ** 2
    if error > e_dn or error > e_up:
        if e_dn < e_up:
            weight -= step_amount
        if e_up < e_dn:
            weight += step_amount
    return weight
