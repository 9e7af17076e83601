# exercise: multi_input_step
# check: multi_input_step_single_input
# misconception: lesson5.multi_input_step.multi_input_step_range_three
# message: the loops run over range(3) with [0,
def multi_input_step(input, weights, goal, alpha):
    prediction = 0
    for i in range(3):
        prediction += input[i] * weights[i]
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [0, 0, 0]
    new_weights = [0, 0, 0]
    for i in range(3):
        weight_deltas[i] = delta * input[i]
        new_weights[i] = weights[i] - alpha * weight_deltas[i]
    return new_weights, prediction, error, delta, weight_deltas
