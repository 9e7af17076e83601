# Explicit loops over plain Python lists, a tuple returned as a list, nested lists of weights.


def streetlight_one_light(input, goal, weights, alpha, iterations):
    w = [float(v) for v in weights]
    history = []
    for _ in range(iterations):
        prediction = 0.0
        for i in range(len(w)):
            prediction += input[i] * w[i]
        delta = prediction - goal
        history.append([delta * delta, prediction])
        for i in range(len(w)):
            w[i] -= alpha * input[i] * delta
    return history


def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    w = [float(v) for v in weights]
    errors = []
    for _ in range(iterations):
        total = 0.0
        for row, goal in zip(streetlights, walk_vs_stop):
            prediction = sum(x * v for x, v in zip(row, w))
            total += (goal - prediction) ** 2
            w = [v - alpha * x * (prediction - goal) for x, v in zip(row, w)]
        errors.append(total)
    return errors


def relu(x):
    if getattr(x, "ndim", 1) == 2:
        return [[v if v > 0 else 0.0 for v in row] for row in x]
    return [v if v > 0 else 0.0 for v in x]


def relu2deriv(output):
    if getattr(output, "ndim", 1) == 2:
        return [[1 if v > 0 else 0 for v in row] for row in output]
    return [1 if v > 0 else 0 for v in output]


def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    w01 = [[float(v) for v in row] for row in weights_0_1]
    w12 = [float(row[0]) for row in weights_1_2]
    n_in, hidden = len(w01), len(w12)
    errors = []
    for _ in range(iterations):
        total = 0.0
        for x, goal in zip(inputs, goals):
            pre = [sum(x[i] * w01[i][h] for i in range(n_in)) for h in range(hidden)]
            layer_1 = relu(pre)
            layer_2 = sum(layer_1[h] * w12[h] for h in range(hidden))
            delta_2 = layer_2 - goal
            total += delta_2 ** 2
            slope = relu2deriv(layer_1)
            delta_1 = [delta_2 * w12[h] * slope[h] for h in range(hidden)]
            for h in range(hidden):
                w12[h] -= alpha * layer_1[h] * delta_2
            for i in range(n_in):
                for h in range(hidden):
                    w01[i][h] -= alpha * x[i] * delta_1[h]
        errors.append(total)
    return [errors, w01, [[v] for v in w12]]
