# lesson: lesson5
# exercise: multi_input_learning
# Yields the rows instead of returning a list: a generator cannot be carried back as data.
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    weights = list(weights)
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        yield prediction, error, list(weights)
        weights = [weights[i] if i in frozen else new_weights[i] for i in range(len(weights))]
