# exercise: multi_input_step
# check: multi_input_step_new_weights
# misconception: lesson5.multi_input_step.multi_input_step_doubled_alpha
# message: twice alpha
def multi_input_step(input, weights, goal, alpha):
    prediction = sum(input[i] * weights[i] for i in range(len(input)))
    delta = prediction - goal
    error = delta ** 2
    weight_deltas = [delta * x for x in input]
    new_weights = [w - 2 * alpha * d for w, d in zip(weights, weight_deltas)]
    return new_weights, prediction, error, delta, weight_deltas
