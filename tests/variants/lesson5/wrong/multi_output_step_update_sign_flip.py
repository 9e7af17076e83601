# exercise: multi_output_step
# misconception: lesson5.multi_output_step.multi_output_step_update_sign_flip
# message: alpha * input * deltas[i] is added
def multi_output_step(input, weights, goals, alpha):
    new_weights, predictions, errors, deltas = [], [], [], []
    for weight, goal in zip(weights, goals):
        prediction = input * weight
        delta = prediction - goal
        predictions.append(prediction)
        deltas.append(delta)
        errors.append(delta * delta)
        new_weights.append(weight + alpha * (input * delta))
    return new_weights, predictions, errors, deltas
