# exercise: multi_output_step
# misconception: lesson5.multi_output_step.multi_output_step_fixed_buffer
# message: the outputs start as the slides' [0,
def multi_output_step(input, weights, goals, alpha):
    predictions = [0, 0, 0]
    errors = [0, 0, 0]
    deltas = [0, 0, 0]
    new_weights = [0, 0, 0]
    assert len(weights) == 3
    for i in range(len(weights)):
        predictions[i] = input * weights[i]
        deltas[i] = predictions[i] - goals[i]
        errors[i] = deltas[i] ** 2
        new_weights[i] = weights[i] - alpha * input * deltas[i]
    return new_weights, predictions, errors, deltas
