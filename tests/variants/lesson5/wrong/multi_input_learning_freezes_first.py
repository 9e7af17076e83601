# exercise: multi_input_learning
# check: multi_input_learning_frozen_not_first
# misconception: lesson5.multi_input_learning.multi_input_learning_frozen_index_zero
# message: hard-coded to 0
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    weights = list(weights)
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        history.append((prediction, error, list(weights)))
        new_weights = list(new_weights)
        new_weights[0] = weights[0]  # the course's weight_deltas[0] = 0
        weights = new_weights
    return history
