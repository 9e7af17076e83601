# exercise: multi_in_out_step
# misconception: lesson5.multi_in_out_step.multi_in_out_step_no_alpha
# message: alpha is left out of the update
def multi_in_out_step(input, weights, goals, alpha):
    predictions = [sum(input[j] * row[j] for j in range(len(input))) for row in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    weight_deltas = outer_prod(deltas, input)
    new_weights = [[weights[i][j] - weight_deltas[i][j] for j in range(len(input))]
                   for i in range(len(weights))]
    return new_weights, predictions, errors, deltas
