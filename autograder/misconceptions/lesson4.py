"""Classic slips of lesson 4 (gradient descent), as the grader recognises them."""

from ..reference import load

_ref = load("lesson4")  # the exercises a slip calls are the reference's, as in a learner's otherwise right file
squared_error = _ref.squared_error
hot_cold_step = _ref.hot_cold_step
gradient_descent_step = _ref.gradient_descent_step


# ------------------------------------------------------------------ squared_error

def squared_error_absolute(prediction, goal):
    return abs(prediction - goal)

def squared_error_not_squared(prediction, goal):
    return prediction - goal

def squared_error_times_two(prediction, goal):
    return (prediction - goal) * 2

def squared_error_no_parentheses(prediction, goal):
    return prediction - goal ** 2

# ------------------------------------------------------------------ hot_cold_step
# The reference step, with the choice as a parameter: move(error, up_error, down_error) is +1 (up), -1 or 0.

def _hot_cold(input, weight, goal, step_amount, move):
    error = squared_error(input * weight, goal)
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    return weight + step_amount * move(error, up_error, down_error)

def hot_cold_step_wrong_way(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount, lambda error, up, down: (down < up) - (up < down))

def hot_cold_step_else_moves_up(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount, lambda error, up, down: -1 if down < up else 1)

def hot_cold_step_tie_moves_down(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount, lambda error, up, down: -1 if down <= up else 1)

def hot_cold_step_stays_when_worse(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount,
                     lambda error, up, down: (up < down) - (down < up) if error > down or error > up else 0)

# ------------------------------------------------------------------ hot_cold_learning, gradient_descent
# The reference loop of both (step: hot_cold_step or gradient_descent_step, amount: its step_amount or
# alpha), with the pieces a slip changes as parameters.

def _learning(step, input, weight, goal, amount, iterations, measured_after=False, record=None, stored=True):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        new_weight = step(input, weight, goal, amount)
        if measured_after:
            prediction = input * new_weight
        error = squared_error(prediction, goal)
        history.append(record(error, prediction) if record else (error, prediction))
        if stored:
            weight = new_weight
    return history

def hot_cold_learning_after_update(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations, measured_after=True)

def hot_cold_learning_swapped_pair(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations,
                     record=lambda error, prediction: (prediction, error))

def hot_cold_learning_one_short(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations - 1)

def hot_cold_learning_one_too_long(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations + 1)

def hot_cold_learning_never_updates(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations, stored=False)

# ------------------------------------------------------------------ gradient_descent_step
# The reference step, with how weight_delta is made from delta and the input as a parameter.

def _descent_step(input, weight, goal, alpha, weight_delta=lambda delta, input: delta * input):
    prediction = input * weight
    delta = prediction - goal
    return weight - alpha * weight_delta(delta, input)

def gradient_descent_step_sign_flip(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, -alpha)

def gradient_descent_step_missing_alpha(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, 1)

def gradient_descent_step_doubled_alpha(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, 2 * alpha)

def gradient_descent_step_no_input(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, alpha, lambda delta, input: delta)

def gradient_descent_step_error_not_delta(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, alpha, lambda delta, input: delta ** 2 * input)

# ------------------------------------------------------------------ gradient_descent (the loop of hot_cold_learning)

def gradient_descent_after_update(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations, measured_after=True)

def gradient_descent_swapped_pair(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations,
                     record=lambda error, prediction: (prediction, error))

def gradient_descent_one_short(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations - 1)

def gradient_descent_one_too_long(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations + 1)

def gradient_descent_never_updates(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations, stored=False)

def gradient_descent_ignores_alpha(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, 1, iterations)
