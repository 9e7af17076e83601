# exercise: multi_input_step
# misconception: lesson5.multi_input_step.multi_input_step_stops_early
# message: the weighted sum stops one input early
def multi_input_step(input, weights, goal, alpha):
    prediction = 0
    for i in range(len(input) - 1):
        prediction += input[i] * weights[i]
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [delta * x for x in input]
    new_weights = [w - alpha * d for w, d in zip(weights, weight_deltas)]
    return new_weights, prediction, error, delta, weight_deltas
