# exercise: multi_output_step
# misconception: lesson5.multi_output_step.multi_output_step_no_alpha
# message: alpha is left out of the update
def multi_output_step(input, weights, goals, alpha):
    predictions = [input * w for w in weights]
    deltas = [predictions[i] - goals[i] for i in range(len(weights))]
    errors = [d ** 2 for d in deltas]
    weight_deltas = [input * d for d in deltas]
    new_weights = [weights[i] - weight_deltas[i] for i in range(len(weights))]
    return new_weights, predictions, errors, deltas
