# exercise: multi_input_learning
# check: multi_input_learning_frozen
# misconception: lesson5.multi_input_learning.multi_input_learning_ignores_frozen
# message: frozen is ignored and every weight learns
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        history.append((prediction, error, list(weights)))
        weights = new_weights
    return history
