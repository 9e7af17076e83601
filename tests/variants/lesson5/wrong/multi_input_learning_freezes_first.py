# exercise: multi_input_learning
# check: multi_input_learning_frozen_not_first
# message: froze weight 0, not weight 2
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    weights = list(weights)
    history = []
    for _ in range(iterations):
        prediction = sum(x * w for x, w in zip(input, weights))
        delta = prediction - goal
        history.append((prediction, delta ** 2, list(weights)))
        weight_deltas = [delta * x for x in input]
        if frozen:
            weight_deltas[0] = 0  # the course's listing, whatever frozen holds
        weights = [w - alpha * d for w, d in zip(weights, weight_deltas)]
    return history
