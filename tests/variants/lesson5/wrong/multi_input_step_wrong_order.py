# exercise: multi_input_step
# misconception: lesson5.multi_input_step.multi_input_step_print_order
# message: the values are returned in the order
def multi_input_step(input, weights, goal, alpha):
    prediction = sum(input[i] * weights[i] for i in range(len(input)))
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [delta * x for x in input]
    new_weights = [w - alpha * d for w, d in zip(weights, weight_deltas)]
    return prediction, error, delta, new_weights, weight_deltas
