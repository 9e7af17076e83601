# exercise: multi_in_out_step
# misconception: lesson5.multi_in_out_step.multi_in_out_step_update_sign_flip
# message: alpha * weight_deltas[i][j] is added to the
def multi_in_out_step(input, weights, goals, alpha):
    predictions, errors, deltas = [], [], []
    for row, goal in zip(weights, goals):
        prediction = 0
        for x, w in zip(input, row):
            prediction += x * w
        predictions.append(prediction)
        deltas.append(prediction - goal)
        errors.append((prediction - goal) ** 2)
    new_weights = []
    for row, delta in zip(weights, deltas):
        new_weights.append([w + alpha * delta * x for w, x in zip(row, input)])
    return new_weights, predictions, errors, deltas
