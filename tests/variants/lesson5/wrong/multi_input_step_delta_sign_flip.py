# exercise: multi_input_step
# misconception: lesson5.multi_input_step.multi_input_step_delta_sign_flip
# message: delta is taken as goal - prediction
def multi_input_step(input, weights, goal, alpha):
    prediction = sum(input[i] * weights[i] for i in range(len(input)))
    delta = goal - prediction
    error = delta ** 2
    weight_deltas = [delta * x for x in input]
    new_weights = [w - alpha * d for w, d in zip(weights, weight_deltas)]
    return new_weights, prediction, error, delta, weight_deltas
