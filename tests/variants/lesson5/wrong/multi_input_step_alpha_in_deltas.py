# exercise: multi_input_step
# check: multi_input_step_weight_deltas
# misconception: lesson5.multi_input_step.multi_input_step_alpha_in_deltas
# message: alpha goes into the weight deltas (alpha
def multi_input_step(input, weights, goal, alpha):
    prediction = sum(input[i] * weights[i] for i in range(len(input)))
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [alpha * delta * x for x in input]
    new_weights = [w - d for w, d in zip(weights, weight_deltas)]
    return new_weights, prediction, error, delta, weight_deltas
