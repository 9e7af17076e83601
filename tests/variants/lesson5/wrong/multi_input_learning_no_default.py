# exercise: multi_input_learning
# misconception: lesson5.multi_input_learning.multi_input_learning_no_default
# message: frozen has no default value, so a
def multi_input_learning(input, weights, goal, alpha, iterations, frozen):
    history = []
    weights = list(weights)
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        history.append((prediction, error, list(weights)))
        weights = [weights[i] if i in frozen else new_weights[i] for i in range(len(weights))]
    return history
