# exercise: multi_output_step
# check: multi_output_step_update
# misconception: lesson5.multi_output_step.multi_output_step_slide_weights
# message: the slide's weight_deltas = ele_mul(input, weights) is
def multi_output_step(input, weights, goals, alpha):
    predictions = [input * w for w in weights]
    deltas = [p - g for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    weight_deltas = [input * w for w in weights]
    new_weights = [w - alpha * d for w, d in zip(weights, weight_deltas)]
    return new_weights, predictions, errors, deltas
