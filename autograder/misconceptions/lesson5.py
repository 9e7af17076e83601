"""Classic slips of lesson 5 (learning multiple weights at a time), as the grader recognises them."""

import numpy as np

from ..reference import load

_ref = load("lesson5")
# The exercises a misconception calls are the reference's (as in a learner's file whose
# other functions are right).
multi_input_step = _ref.multi_input_step
outer_prod = _ref.outer_prod


# ------------------------------------------------------------------ multi_input_step
# The reference multi_input_step, with the pieces a slip changes as parameters.

def _input_step(input, weights, goal, alpha, sign=-1, delta_sign=1, power=2, factor=1, size=None, summed=None):
    n = len(input) if size is None else size
    prediction = sum(input[i] * weights[i] for i in range(n if summed is None else summed))
    delta = delta_sign * (prediction - goal)
    error = delta ** power
    weight_deltas = [factor * delta * input[i] for i in range(n)]
    new_weights = [weights[i] + sign * alpha * weight_deltas[i] for i in range(n)]
    return new_weights, prediction, error, delta, weight_deltas


def multi_input_step_update_sign_flip(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, sign=+1)

def multi_input_step_delta_sign_flip(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, delta_sign=-1)

def multi_input_step_no_alpha(input, weights, goal, alpha):
    return _input_step(input, weights, goal, 1)

def multi_input_step_doubled_alpha(input, weights, goal, alpha):
    return _input_step(input, weights, goal, 2 * alpha)

def multi_input_step_factor_two(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, factor=2)

def multi_input_step_alpha_in_deltas(input, weights, goal, alpha):
    return _input_step(input, weights, goal, 1, factor=alpha)

def multi_input_step_alpha_twice(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, factor=alpha)

def multi_input_step_error_not_squared(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, power=1)

def multi_input_step_range_three(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, size=3)

def multi_input_step_stops_early(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, summed=len(input) - 1)

def multi_input_step_print_order(input, weights, goal, alpha):
    new_weights, prediction, error, delta, weight_deltas = _input_step(input, weights, goal, alpha)
    return prediction, error, delta, new_weights, weight_deltas

def multi_input_step_returns_old_weights(input, weights, goal, alpha):
    new_weights, prediction, error, delta, weight_deltas = _input_step(input, weights, goal, alpha)
    return list(weights), prediction, error, delta, weight_deltas


# ------------------------------------------------------------------ multi_input_learning
# The reference loop of multi_input_learning, with the pieces a slip changes as parameters.

def _learning(input, weights, goal, alpha, iterations, frozen=(), recorded_after=False, snapshot=list):
    history = []
    weights = list(weights)
    for _ in range(iterations):
        new_weights, prediction, error, delta, weight_deltas = multi_input_step(input, weights, goal, alpha)
        if not recorded_after:
            history.append((prediction, error, snapshot(weights)))
        for i in range(len(weights)):
            if i not in frozen:
                weights[i] = new_weights[i]
        if recorded_after:
            history.append((prediction, error, snapshot(weights)))
    return history


def multi_input_learning_records_after_update(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen, recorded_after=True)

def multi_input_learning_aliased_history(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen, snapshot=lambda weights: weights)

def multi_input_learning_ignores_frozen(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen=())

def multi_input_learning_frozen_index_zero(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen=(0,))

def multi_input_learning_frozen_from_one(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, [index - 1 for index in frozen])

def multi_input_learning_one_short(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations - 1, frozen)

def multi_input_learning_no_default(input, weights, goal, alpha, iterations, frozen):
    return _learning(input, weights, goal, alpha, iterations, frozen)


# ------------------------------------------------------------------ multi_output_step
# The reference multi_output_step, with the pieces a slip changes as parameters (moved_by: what weight i moves by).

def _output_step(input, weights, goals, alpha, sign=-1, delta_sign=1, moved_by=None):
    predictions = [input * w for w in weights]
    deltas = [delta_sign * (p - g) for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    moves = [input * d if moved_by is None else moved_by(input, w, d) for w, d in zip(weights, deltas)]
    new_weights = [w + sign * alpha * move for w, move in zip(weights, moves)]
    return new_weights, predictions, errors, deltas


def multi_output_step_slide_weights(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, moved_by=lambda input, weight, delta: input * weight)

def multi_output_step_no_input(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, moved_by=lambda input, weight, delta: delta)

def multi_output_step_delta_sign_flip(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, delta_sign=-1)

def multi_output_step_update_sign_flip(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, sign=+1)

def multi_output_step_no_alpha(input, weights, goals, alpha):
    return _output_step(input, weights, goals, 1)

def multi_output_step_fixed_buffer(input, weights, goals, alpha):
    assert len(weights) == 3
    return _output_step(input, weights, goals, alpha)


# ------------------------------------------------------------------ outer_prod
# The course's way of filling the matrix, a cell at a time, into the buffer a slip starts from.

def _fill(vec_a, vec_b, out):
    for i in range(len(vec_a)):
        for j in range(len(vec_b)):
            out[i][j] = vec_a[i] * vec_b[j]
    return out


def outer_prod_transposed(vec_a, vec_b):
    return [[a * b for a in vec_a] for b in vec_b]

def outer_prod_elementwise(vec_a, vec_b):
    return [a * b for a, b in zip(vec_a, vec_b)]

def outer_prod_fixed_three(vec_a, vec_b):
    return _fill(vec_a, vec_b, [[0, 0, 0], [0, 0, 0], [0, 0, 0]])

def outer_prod_shared_rows(vec_a, vec_b):
    return _fill(vec_a, vec_b, [[0] * len(vec_b)] * len(vec_a))


# ------------------------------------------------------------------ multi_in_out_step
# The reference multi_in_out_step, with the pieces a slip changes as parameters (product: makes the weight deltas).

def _in_out_step(input, weights, goals, alpha, sign=-1, delta_sign=1, product=None):
    predictions = [sum(input[j] * row[j] for j in range(len(input))) for row in weights]
    deltas = [delta_sign * (p - g) for p, g in zip(predictions, goals)]
    errors = [d ** 2 for d in deltas]
    weight_deltas = outer_prod(deltas, input) if product is None else product(deltas, input)
    new_weights = [[weights[i][j] + sign * alpha * weight_deltas[i][j] for j in range(len(input))]
                   for i in range(len(weights))]
    return new_weights, predictions, errors, deltas


def multi_in_out_step_slide_transposed(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, alpha, product=lambda deltas, input: outer_prod(input, deltas))

def multi_in_out_step_transposed_numpy(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = w.dot(x)
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * np.outer(x, deltas), predictions, deltas ** 2, deltas

def multi_in_out_step_columns(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = x.dot(w)
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * np.outer(deltas, x), predictions, deltas ** 2, deltas

def multi_in_out_step_no_alpha(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, 1)

def multi_in_out_step_square_only(input, weights, goals, alpha):
    assert len(input) == len(weights)
    return _in_out_step(input, weights, goals, alpha)

def multi_in_out_step_delta_sign_flip(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, alpha, delta_sign=-1)

def multi_in_out_step_update_sign_flip(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, alpha, sign=+1)
