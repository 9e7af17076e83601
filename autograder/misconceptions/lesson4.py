"""Classic slips of lesson 4 (gradient descent), as the grader recognises them."""

from . import misconception
from ..reference import load

_ref = load("lesson4")  # the exercises a slip calls are the reference's, as in a learner's otherwise right file
squared_error = _ref.squared_error
hot_cold_step = _ref.hot_cold_step
gradient_descent_step = _ref.gradient_descent_step

AFTER_UPDATE = "the weight is updated first and the pair is measured after the update"
SWAPPED = "each pair is stored as (prediction, error) instead of (error, prediction)"
ERROR_FIRST = "The course prints Error first, then Prediction."
ONE_SHORT = "the loop runs one time too few (range(1, iterations) or range(iterations - 1))"
ONE_TOO_LONG = "the loop runs one time too many (range(iterations + 1))"

# ------------------------------------------------------------------ squared_error

@misconception("squared_error", "the absolute value of the pure error is taken (abs(prediction - goal)) instead "
                                 "of its square",
               "The course squares it: the difference multiplied by itself.")
def squared_error_absolute(prediction, goal):
    return abs(prediction - goal)

@misconception("squared_error", "the pure error prediction - goal is returned without squaring it",
               "The course multiplies it by itself.", sign_free=True)
def squared_error_not_squared(prediction, goal):
    return prediction - goal

@misconception("squared_error", "the pure error is multiplied by 2 instead of squared (raised to the power 2)",
               sign_free=True)
def squared_error_times_two(prediction, goal):
    return (prediction - goal) * 2

@misconception("squared_error", "the parentheses are left out: prediction - goal ** 2 squares only the goal",
               "Square the whole difference, not the goal alone.")
def squared_error_no_parentheses(prediction, goal):
    return prediction - goal ** 2

# ------------------------------------------------------------------ hot_cold_step
# The reference step, with the choice as a parameter: move(error, up_error, down_error) is +1 (up), -1 or 0.

def _hot_cold(input, weight, goal, step_amount, move):
    error = squared_error(input * weight, goal)
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    return weight + step_amount * move(error, up_error, down_error)

@misconception("hot_cold_step", "the two moves are swapped: the weight goes toward the trial with the higher error")
def hot_cold_step_wrong_way(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount, lambda error, up, down: (down < up) - (up < down))

@misconception("hot_cold_step", "an else branch moves the weight up whenever down is not better, even on an exact tie",
               "The course uses two comparisons, down_error < up_error and down_error > up_error: on a tie "
               "neither holds.")
def hot_cold_step_else_moves_up(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount, lambda error, up, down: -1 if down < up else 1)

@misconception("hot_cold_step", "down is chosen with down_error <= up_error, so an exact tie moves the weight down",
               "The course uses two strict comparisons, < and >: on a tie the weight stays.")
def hot_cold_step_tie_moves_down(input, weight, goal, step_amount):
    return _hot_cold(input, weight, goal, step_amount, lambda error, up, down: -1 if down <= up else 1)

@misconception("hot_cold_step", "the weight moves only when a trial beats the current error, as in the slides' "
                                "step 5 (if error > e_dn or error > e_up)",
               "The 1101-iteration loop compares only the two trials with each other, and always moves to the "
               "better one.")
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

@misconception("hot_cold_learning", AFTER_UPDATE, "The course prints Error and Prediction before it tries up and down.")
def hot_cold_learning_after_update(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations, measured_after=True)

@misconception("hot_cold_learning", SWAPPED, ERROR_FIRST)
def hot_cold_learning_swapped_pair(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations,
                     record=lambda error, prediction: (prediction, error))

@misconception("hot_cold_learning", ONE_SHORT)
def hot_cold_learning_one_short(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations - 1)

@misconception("hot_cold_learning", ONE_TOO_LONG)
def hot_cold_learning_one_too_long(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations + 1)

@misconception("hot_cold_learning", "the weight hot_cold_step returns is never stored back, so every iteration "
                                    "starts from the same weight",
               "hot_cold_step returns the new weight: keep what it returns as the weight of the next iteration.")
def hot_cold_learning_never_updates(input, weight, goal, step_amount, iterations):
    return _learning(hot_cold_step, input, weight, goal, step_amount, iterations, stored=False)

# ------------------------------------------------------------------ gradient_descent_step
# The reference step, with how weight_delta is made from delta and the input as a parameter.

def _descent_step(input, weight, goal, alpha, weight_delta=lambda delta, input: delta * input):
    prediction = input * weight
    delta = prediction - goal
    return weight - alpha * weight_delta(delta, input)

@misconception("gradient_descent_step", "alpha * weight_delta is added instead of subtracted (or delta is taken as "
                                        "goal - prediction), so the weight moves the way that raises the error")
def gradient_descent_step_sign_flip(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, -alpha)

@misconception("gradient_descent_step", "alpha is left out of the update (weight - weight_delta), as in the "
                                        "course's first runs, which have no alpha",
               "With alpha the weight moves against weight_delta by alpha times as much.")
def gradient_descent_step_missing_alpha(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, 1)

@misconception("gradient_descent_step", "the step is twice the course's: the derivative of the squared error is "
                                        "kept with its factor 2 (2 * delta), or alpha is doubled",
               "The course drops that 2 (it only rescales alpha): weight_delta is delta times the input.")
def gradient_descent_step_doubled_alpha(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, 2 * alpha)

@misconception("gradient_descent_step", "weight_delta is the delta alone, without multiplying it by the input",
               "The course's weight_delta is delta times the input: the input scales the step and flips it for a "
               "negative input.")
def gradient_descent_step_no_input(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, alpha, lambda delta, input: delta)

@misconception("gradient_descent_step", "weight_delta is built from the squared error instead of the pure error "
                                        "(error * input rather than delta * input), which loses the direction",
               "delta, the prediction minus the goal, keeps its sign: weight_delta is delta times the input.")
def gradient_descent_step_error_not_delta(input, weight, goal, alpha):
    return _descent_step(input, weight, goal, alpha, lambda delta, input: delta ** 2 * input)

# ------------------------------------------------------------------ gradient_descent (the loop of hot_cold_learning)

@misconception("gradient_descent", AFTER_UPDATE,
               "The course measures pred and error at the top of the loop, before the update.")
def gradient_descent_after_update(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations, measured_after=True)

@misconception("gradient_descent", SWAPPED, ERROR_FIRST)
def gradient_descent_swapped_pair(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations,
                     record=lambda error, prediction: (prediction, error))

@misconception("gradient_descent", ONE_SHORT)
def gradient_descent_one_short(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations - 1)

@misconception("gradient_descent", ONE_TOO_LONG)
def gradient_descent_one_too_long(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations + 1)

@misconception("gradient_descent", "the weight gradient_descent_step returns is never stored back, so every "
                                   "iteration starts from the same weight",
               "gradient_descent_step returns the new weight: keep what it returns as the weight of the next "
               "iteration.")
def gradient_descent_never_updates(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, alpha, iterations, stored=False)

@misconception("gradient_descent", "the loop is copied from the course's runs without alpha (weight = weight - "
                                   "weight_delta), so alpha is ignored",
               "Those runs have an alpha of 1; here the step against weight_delta is alpha times as large.")
def gradient_descent_ignores_alpha(input, weight, goal, alpha, iterations):
    return _learning(gradient_descent_step, input, weight, goal, 1, iterations)
