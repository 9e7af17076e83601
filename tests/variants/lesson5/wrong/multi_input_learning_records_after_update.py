# exercise: multi_input_learning
# misconception: lesson5.multi_input_learning.multi_input_learning_records_after_update
# message: the weights are recorded after this iteration's
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    weights = list(weights)
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        for i in range(len(weights)):
            if i not in frozen:
                weights[i] = new_weights[i]
        history.append((prediction, error, list(weights)))
    return history
