"""Classic slips of lesson 4 (gradient descent), as the grader recognises them."""

from . import misconception
from ..reference import load

_ref = load("lesson4")
# The exercises a misconception calls are the reference's (as in a learner's file whose
# other functions are right).
squared_error = _ref.squared_error
hot_cold_step = _ref.hot_cold_step
gradient_descent_step = _ref.gradient_descent_step


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


@misconception("hot_cold_step", "the two moves are swapped: the weight goes toward the trial with the higher error")
def hot_cold_step_wrong_way(input, weight, goal, step_amount):
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    if down_error < up_error:
        return weight + step_amount
    if up_error < down_error:
        return weight - step_amount
    return weight


@misconception("hot_cold_step", "an else branch moves the weight up whenever down is not better, even on an exact tie",
               "The course uses two comparisons, down_error < up_error and down_error > up_error: on a tie "
               "neither holds.")
def hot_cold_step_else_moves_up(input, weight, goal, step_amount):
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    if down_error < up_error:
        return weight - step_amount
    else:
        return weight + step_amount


@misconception("hot_cold_step", "down is chosen with down_error <= up_error, so an exact tie moves the weight down",
               "The course uses two strict comparisons, < and >: on a tie the weight stays.")
def hot_cold_step_tie_moves_down(input, weight, goal, step_amount):
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    if down_error <= up_error:
        return weight - step_amount
    return weight + step_amount


@misconception("hot_cold_step", "the weight moves only when a trial beats the current error, as in the slides' "
                                "step 5 (if error > e_dn or error > e_up)",
               "The 1101-iteration loop compares only the two trials with each other, and always moves to the "
               "better one.")
def hot_cold_step_stays_when_worse(input, weight, goal, step_amount):
    error = squared_error(input * weight, goal)
    up_error = squared_error(input * (weight + step_amount), goal)
    down_error = squared_error(input * (weight - step_amount), goal)
    if error > down_error or error > up_error:
        if down_error < up_error:
            return weight - step_amount
        if up_error < down_error:
            return weight + step_amount
    return weight


# ------------------------------------------------------------------ hot_cold_learning


@misconception("hot_cold_learning", "the weight is updated first and the pair is measured after the update",
               "The course prints Error and Prediction before it tries up and down.")
def hot_cold_learning_after_update(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations):
        weight = hot_cold_step(input, weight, goal, step_amount)
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
    return history


@misconception("hot_cold_learning", "each pair is stored as (prediction, error) instead of (error, prediction)",
               "The course prints Error first, then Prediction.")
def hot_cold_learning_swapped_pair(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        history.append((prediction, squared_error(prediction, goal)))
        weight = hot_cold_step(input, weight, goal, step_amount)
    return history


@misconception("hot_cold_learning", "the loop runs one time too few (range(1, iterations) or range(iterations - 1))")
def hot_cold_learning_one_short(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations - 1):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = hot_cold_step(input, weight, goal, step_amount)
    return history


@misconception("hot_cold_learning", "the loop runs one time too many (range(iterations + 1))")
def hot_cold_learning_one_too_long(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations + 1):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = hot_cold_step(input, weight, goal, step_amount)
    return history


@misconception("hot_cold_learning", "the weight hot_cold_step returns is never stored back, so every iteration "
                                    "starts from the same weight",
               "hot_cold_step returns the new weight: keep what it returns as the weight of the next iteration.")
def hot_cold_learning_never_updates(input, weight, goal, step_amount, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        hot_cold_step(input, weight, goal, step_amount)
    return history


# ------------------------------------------------------------------ gradient_descent_step


@misconception("gradient_descent_step", "alpha * weight_delta is added instead of subtracted (or delta is taken as "
                                        "goal - prediction), so the weight moves the way that raises the error")
def gradient_descent_step_sign_flip(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    return weight + alpha * weight_delta


@misconception("gradient_descent_step", "alpha is left out of the update (weight - weight_delta), as in the "
                                        "course's first runs, which have no alpha",
               "With alpha the weight moves against weight_delta by alpha times as much.")
def gradient_descent_step_missing_alpha(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    return weight - weight_delta


@misconception("gradient_descent_step", "the step is twice the course's: the derivative of the squared error is "
                                        "kept with its factor 2 (2 * delta), or alpha is doubled",
               "The course drops that 2 (it only rescales alpha): weight_delta is delta times the input.")
def gradient_descent_step_doubled_alpha(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta * input
    return weight - 2 * alpha * weight_delta


@misconception("gradient_descent_step", "weight_delta is the delta alone, without multiplying it by the input",
               "The course's weight_delta is delta times the input: the input scales the step and flips it for a "
               "negative input.")
def gradient_descent_step_no_input(input, weight, goal, alpha):
    prediction = input * weight
    delta = prediction - goal
    weight_delta = delta
    return weight - alpha * weight_delta


@misconception("gradient_descent_step", "weight_delta is built from the squared error instead of the pure error "
                                        "(error * input rather than delta * input), which loses the direction",
               "delta, the prediction minus the goal, keeps its sign: weight_delta is delta times the input.")
def gradient_descent_step_error_not_delta(input, weight, goal, alpha):
    prediction = input * weight
    error = (prediction - goal) ** 2
    weight_delta = error * input
    return weight - alpha * weight_delta


# ------------------------------------------------------------------ gradient_descent


@misconception("gradient_descent", "the weight is updated first and the pair is measured after the update",
               "The course measures pred and error at the top of the loop, before the update.")
def gradient_descent_after_update(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations):
        weight = gradient_descent_step(input, weight, goal, alpha)
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
    return history


@misconception("gradient_descent", "each pair is stored as (prediction, error) instead of (error, prediction)",
               "The course prints Error first, then Prediction.")
def gradient_descent_swapped_pair(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        history.append((prediction, squared_error(prediction, goal)))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history


@misconception("gradient_descent", "the loop runs one time too few (range(1, iterations) or range(iterations - 1))")
def gradient_descent_one_short(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations - 1):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history


@misconception("gradient_descent", "the loop runs one time too many (range(iterations + 1))")
def gradient_descent_one_too_long(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations + 1):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history


@misconception("gradient_descent", "the weight gradient_descent_step returns is never stored back, so every "
                                   "iteration starts from the same weight",
               "gradient_descent_step returns the new weight: keep what it returns as the weight of the next "
               "iteration.")
def gradient_descent_never_updates(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        history.append((squared_error(prediction, goal), prediction))
        gradient_descent_step(input, weight, goal, alpha)
    return history


@misconception("gradient_descent", "the loop is copied from the course's runs without alpha (weight = weight - "
                                   "weight_delta), so alpha is ignored",
               "Those runs have an alpha of 1; here the step against weight_delta is alpha times as large.")
def gradient_descent_ignores_alpha(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        error = (prediction - goal) ** 2
        history.append((error, prediction))
        delta = prediction - goal
        weight_delta = delta * input
        weight = weight - weight_delta
    return history
