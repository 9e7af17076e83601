# exercise: multi_input_learning
# misconception: lesson5.multi_input_learning.multi_input_learning_frozen_from_one
# The weights numbered from 1, as a person counts them.
def multi_input_learning(input, weights, goal, alpha, iterations, frozen=()):
    history = []
    current = [w for w in weights]
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, current, goal, alpha)
        history.append((prediction, error, current))
        current = [old if number in frozen else new
                   for number, (old, new) in enumerate(zip(current, new_weights), start=1)]
    return history
