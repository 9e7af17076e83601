# exercise: multi_input_learning
# misconception: lesson5.multi_input_learning.multi_input_learning_ignores_frozen
# message: frozen is ignored and every weight learns
# The course's weight_deltas[0] = 0, applied after multi_input_step has already used it.
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        for i in frozen:
            weight_deltas[i] = 0
        history.append((prediction, error, list(weights)))
        weights = new_weights
    return history
