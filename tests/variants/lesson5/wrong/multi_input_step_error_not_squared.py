# exercise: multi_input_step
# check: multi_input_step_pred_error_delta
# misconception: lesson5.multi_input_step.multi_input_step_error_not_squared
# message: the error is the pure error delta
def multi_input_step(input, weights, goal, alpha):
    prediction = sum(input[i] * weights[i] for i in range(len(input)))
    delta = prediction - goal
    error = delta
    weight_deltas = [delta * x for x in input]
    new_weights = [w - alpha * d for w, d in zip(weights, weight_deltas)]
    return new_weights, prediction, error, delta, weight_deltas
