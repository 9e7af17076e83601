# The backpropagation talk in plain Python: math, loops, lists; other parameter names.
import math


def numeric_slope(poly, weight, nudge=1e-4):
    def error(x):
        total, power = 0.0, 1.0
        for c in poly:
            total += c * power
            power *= x
        return total
    return (error(weight + nudge) - error(weight - nudge)) / (2 * nudge)


def chain_slope(inp, first, second):
    dy_dfirst = inp
    de_dy = second
    return de_dy * dy_dfirst


def _each(f, x):
    try:
        return [f(float(v)) for v in x]
    except TypeError:
        return f(float(x))


def sigmoid_slope(x):
    def one(v):
        s = 1.0 / (1.0 + math.exp(-v))
        return s * (1.0 - s)
    return _each(one, x)


def squash(x):
    return _each(math.tanh, x)


def shawarma_activity(observed, weights):
    result = []
    for row in weights:
        total, count = 0.0, 0
        for j in range(len(observed)):
            if observed[j] == 1:
                total += row[j]
                count += 1
        result.append(total / count if count else 0.0)
    return result


def shawarma_error(observed, weights, target=1.0):
    activity = shawarma_activity(observed, weights)
    return [target - a for a in activity]


def best_guess(bags, guess, lr, steps):
    for _ in range(steps):
        deviation = sum(guess - b for b in bags) / len(bags)
        guess -= lr * 2 * deviation
    return guess
