# exercise: multi_input_learning
# misconception: lesson5.multi_input_learning.multi_input_learning_one_short
# message: one (prediction, error, weights_before_update) per iteration
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    weights = list(weights)
    for _ in range(iterations - 1):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        history.append((prediction, error, list(weights)))
        weights = [weights[i] if i in frozen else new_weights[i] for i in range(len(weights))]
    return history
