# exercise: multi_input_learning
# check: multi_input_learning_trace
# misconception: lesson5.multi_input_learning.multi_input_learning_aliased_history
# message: the history holds the weights list itself
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    weights = list(weights)
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        history.append((prediction, error, weights))
        for i in range(len(weights)):
            if i not in frozen:
                weights[i] = new_weights[i]
    return history
