# exercise: multi_in_out_step
# check: multi_in_out_step_update
# misconception: lesson5.multi_in_out_step.multi_in_out_step_slide_transposed
# message: the slide's weight_deltas = outer_prod(input, delta) is
def multi_in_out_step(input, weights, goals, alpha):
    predictions = [sum(input[j] * row[j] for j in range(len(input))) for row in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    weight_deltas = outer_prod(input, deltas)
    new_weights = [list(row) for row in weights]
    for i in range(len(weights)):
        for j in range(len(weights[0])):
            new_weights[i][j] -= alpha * weight_deltas[i][j]
    return new_weights, predictions, errors, deltas
