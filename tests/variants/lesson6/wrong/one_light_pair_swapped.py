# exercise: streetlight_one_light
# misconception: lesson6.streetlight_one_light.streetlight_one_light_pair_swapped
# Plain Python lists, and the pair recorded the other way round.
def streetlight_one_light(input, goal, weights, alpha, iterations):
    w = [float(v) for v in weights]
    history = []
    for _ in range(iterations):
        prediction = sum(x * v for x, v in zip(input, w))
        history.append([prediction, (goal - prediction) ** 2])
        w = [v - alpha * x * (prediction - goal) for x, v in zip(input, w)]
    return history
