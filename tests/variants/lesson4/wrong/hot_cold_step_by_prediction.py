# exercise: hot_cold_step
# check: hot_cold_step_steps_down
# message: the input is negative
def hot_cold_step(input, weight, goal, step_amount):
    prediction = input * weight
    if prediction < goal:
        return weight + step_amount
    if prediction > goal:
        return weight - step_amount
    return weight
