# exercise: multi_output_step
# misconception: lesson5.multi_output_step.multi_output_step_no_input
# message: the input is left out of the
def multi_output_step(input, weights, goals, alpha):
    predictions = [input * w for w in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    new_weights = [w - alpha * d for w, d in zip(weights, deltas)]
    return new_weights, predictions, errors, deltas
