# exercise: multi_input_step
# check: multi_input_step_three_iterations
# misconception: lesson5.multi_input_step.multi_input_step_returns_old_weights
# The caller's list is updated in place, but the copy taken before is returned.
def multi_input_step(input, weights, goal, alpha):
    new_weights = list(weights)
    prediction = sum(input[i] * weights[i] for i in range(len(input)))
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [delta * x for x in input]
    for i in range(len(weights)):
        weights[i] -= alpha * weight_deltas[i]
    return new_weights, prediction, error, delta, weight_deltas
