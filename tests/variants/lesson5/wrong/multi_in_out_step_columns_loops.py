# exercise: multi_in_out_step
# misconception: lesson5.multi_in_out_step.multi_in_out_step_columns
# message: the predictions read the columns of weights
# weights[j][i] read as "from input j to output i".
def multi_in_out_step(input, weights, goals, alpha):
    predictions = []
    for i in range(len(weights)):
        predictions.append(sum(input[j] * weights[j][i] for j in range(len(input))))
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    weight_deltas = outer_prod(deltas, input)
    new_weights = [[weights[i][j] - alpha * weight_deltas[i][j] for j in range(len(input))]
                   for i in range(len(weights))]
    return new_weights, predictions, errors, deltas
