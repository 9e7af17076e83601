# exercise: multi_in_out_step
# check: multi_in_out_step_integer_weights
# misconception: lesson5.multi_in_out_step.multi_in_out_step_square_only
# message: a square matrix
def multi_in_out_step(input, weights, goals, alpha):
    assert len(input) == len(weights)
    predictions = [sum(input[j] * row[j] for j in range(len(input))) for row in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    weight_deltas = outer_prod(deltas, input)
    new_weights = [[weights[i][j] - alpha * weight_deltas[i][j] for j in range(len(input))]
                   for i in range(len(weights))]
    return new_weights, predictions, errors, deltas
