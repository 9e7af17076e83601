"""Classic slips of lesson 5 (learning multiple weights at a time), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("lesson5")
# The exercises a misconception calls are the reference's (as in a learner's file whose
# other functions are right).
multi_input_step = _ref.multi_input_step
outer_prod = _ref.outer_prod

GOAL_MINUS_PREDICTION = "the deltas are taken as goals[i] - predictions[i], so every weight moves the wrong way"
INPUT_TIMES_DELTA = "Weight i moves by alpha times the input times delta i."


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


@misconception("multi_input_step", "the new weights add alpha * weight_deltas[i] instead of subtracting it, so "
                                   "they move the way that raises the error",
               "A negative weight delta must make its weight grow: 0.1 - (-1.19 * 0.01) = 0.1119 (the recap "
               "slide's '0.1 - (1.19 * 0.01) = 0.1119' lost that minus sign; as written it gives 0.0881).")
def multi_input_step_update_sign_flip(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, sign=+1)


@misconception("multi_input_step", "delta is taken as goal - prediction, the positive 0.14 the slide's text quotes, "
                                   "so every weight moves the wrong way",
               "delta, the prediction minus the goal, is -0.14 in the course's game: the prediction is too low.")
def multi_input_step_delta_sign_flip(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, delta_sign=-1)


@misconception("multi_input_step", "alpha is left out of the update (weights[i] - weight_deltas[i])")
def multi_input_step_no_alpha(input, weights, goal, alpha):
    return _input_step(input, weights, goal, 1)


@misconception("multi_input_step", "the update subtracts twice alpha (weights[i] - 2 * alpha * weight_deltas[i])")
def multi_input_step_doubled_alpha(input, weights, goal, alpha):
    return _input_step(input, weights, goal, 2 * alpha)


@misconception("multi_input_step", "the weight deltas keep the 2 of the derivative of the squared error "
                                   "(2 * delta * input[i])",
               "The course drops it: weight delta i is delta times input i.")
def multi_input_step_factor_two(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, factor=2)


@misconception("multi_input_step", "alpha goes into the weight deltas (alpha * delta * input[i]) instead of into "
                                   "the update",
               "Weight delta i is delta times input i; the update subtracts alpha times it.")
def multi_input_step_alpha_in_deltas(input, weights, goal, alpha):
    return _input_step(input, weights, goal, 1, factor=alpha)


@misconception("multi_input_step", "alpha is applied twice, once in the weight deltas and again in the update",
               "Weight delta i is delta times input i; alpha scales only the update.")
def multi_input_step_alpha_twice(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, factor=alpha)


@misconception("multi_input_step", "the error is the pure error delta, not its square")
def multi_input_step_error_not_squared(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, power=1)


@misconception("multi_input_step", "the loops run over range(3) with [0, 0, 0] buffers, as if every network had "
                                   "three inputs",
               "Loop over every index of the input: the grader also uses 1, 2, 4 and 5 inputs.")
def multi_input_step_range_three(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, size=3)


@misconception("multi_input_step", "the weighted sum stops one input early (range(len(input) - 1))")
def multi_input_step_stops_early(input, weights, goal, alpha):
    return _input_step(input, weights, goal, alpha, summed=len(input) - 1)


@misconception("multi_input_step", "the values are returned in the order the course prints them (Pred, Error, Delta, "
                                   "Weights, Weight_Deltas)",
               "The catalogue's order is (new_weights, prediction, error, delta, weight_deltas).")
def multi_input_step_print_order(input, weights, goal, alpha):
    new_weights, prediction, error, delta, weight_deltas = _input_step(input, weights, goal, alpha)
    return prediction, error, delta, new_weights, weight_deltas


@misconception("multi_input_step", "the returned new weights are the old ones: the update changed another list "
                                   "(such as the caller's, in place), not the one returned",
               "Build the new weights (each moved against its weight delta, scaled by alpha) and return that new "
               "list.")
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


@misconception("multi_input_learning", "the weights are recorded after this iteration's update instead of before it",
               "The course prints Weights before it updates them.")
def multi_input_learning_records_after_update(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen, recorded_after=True)


@misconception("multi_input_learning", "the history holds the weights list itself, which the later in-place updates "
                                       "change, instead of a copy of it",
               "Record list(weights) (or weights.copy()).")
def multi_input_learning_aliased_history(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen, snapshot=lambda weights: weights)


@misconception("multi_input_learning", "frozen is ignored and every weight learns (setting a weight delta to 0 after "
                                       "multi_input_step has already used it changes nothing)",
               "Keep weights[i] for every i in frozen.")
def multi_input_learning_ignores_frozen(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen=())


@misconception("multi_input_learning", "the frozen index is hard-coded to 0, as in the course's listing, whatever "
                                       "frozen says",
               "Freeze the weights whose indices are in frozen, and only those: frozen may be empty, or name others.")
def multi_input_learning_frozen_index_zero(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, frozen=(0,))


@misconception("multi_input_learning", "the indices in frozen are counted from 1 (frozen=(1,) taken as the first "
                                       "weight)",
               "They are counted from 0, as in weights[i]: the course freezes weights[0].")
def multi_input_learning_frozen_from_one(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations, [index - 1 for index in frozen])


@misconception("multi_input_learning", "the loop runs one time too few (range(iterations - 1))")
def multi_input_learning_one_short(input, weights, goal, alpha, iterations, frozen=()):
    return _learning(input, weights, goal, alpha, iterations - 1, frozen)


@misconception("multi_input_learning", "frozen has no default value, so a call that leaves it out fails",
               "Write frozen=() in the signature: nothing frozen unless the caller says so.")
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


@misconception("multi_output_step", "the slide's weight_deltas = ele_mul(input, weights) is copied: it multiplies the "
                                    "input by the weights instead of by the deltas (a slip of the slide)",
               INPUT_TIMES_DELTA)
def multi_output_step_slide_weights(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, moved_by=lambda input, weight, delta: input * weight)


@misconception("multi_output_step", "the input is left out of the update (weights[i] - alpha * deltas[i])",
               INPUT_TIMES_DELTA)
def multi_output_step_no_input(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, moved_by=lambda input, weight, delta: delta)


@misconception("multi_output_step", GOAL_MINUS_PREDICTION)
def multi_output_step_delta_sign_flip(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, delta_sign=-1)


@misconception("multi_output_step", "alpha * input * deltas[i] is added to the weights instead of subtracted")
def multi_output_step_update_sign_flip(input, weights, goals, alpha):
    return _output_step(input, weights, goals, alpha, sign=+1)


@misconception("multi_output_step", "alpha is left out of the update (weights[i] - input * deltas[i])")
def multi_output_step_no_alpha(input, weights, goals, alpha):
    return _output_step(input, weights, goals, 1)


@misconception("multi_output_step", "the outputs start as the slides' [0, 0, 0] (with their assert), which only fits "
                                    "three outputs",
               "Build each list with one entry per weight: the grader also uses 1, 2 and 5 outputs.")
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


@misconception("outer_prod", "the matrix is built transposed: one row per element of vec_b")
def outer_prod_transposed(vec_a, vec_b):
    return [[a * b for a in vec_a] for b in vec_b]


@misconception("outer_prod", "the elementwise product (ele_mul) is returned: only the diagonal of the outer product",
               "The outer product multiplies every element of vec_a by every element of vec_b.")
def outer_prod_elementwise(vec_a, vec_b):
    return [a * b for a, b in zip(vec_a, vec_b)]


@misconception("outer_prod", "the matrix starts as a fixed 3 x 3 matrix of zeros, which only fits vectors of three "
                             "numbers",
               "Size it len(vec_a) x len(vec_b).")
def outer_prod_fixed_three(vec_a, vec_b):
    return _fill(vec_a, vec_b, [[0, 0, 0], [0, 0, 0], [0, 0, 0]])


@misconception("outer_prod", "the matrix starts as [[0] * len(vec_b)] * len(vec_a): every row is the same list, so "
                                "every row ends up as the last one",
               "Build a new list for each row: a list repeated with * repeats the same row.")
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


@misconception("multi_in_out_step", "the slide's weight_deltas = outer_prod(input, delta) is copied: it is indexed "
                                    "[input][output], the transpose of the weights (a slip of the slide)",
               "weights[i][j] connects input j to output i: the weight deltas are outer_prod(deltas, input).")
def multi_in_out_step_slide_transposed(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, alpha, product=lambda deltas, input: outer_prod(input, deltas))


@misconception("multi_in_out_step", "the weight deltas are np.outer(input, deltas), indexed [input][output] like the "
                                    "slide's outer_prod(input, delta), while the weights are indexed [output][input]",
               "The weight deltas need the shape of weights: one row per output (per delta), one column per input.")
def multi_in_out_step_transposed_numpy(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = w.dot(x)
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * np.outer(x, deltas), predictions, deltas ** 2, deltas


@misconception("multi_in_out_step", "the predictions read the columns of weights (input.dot(weights), or "
                                    "weights[j][i] for input j)",
               "Row weights[i] holds the weights of output i: predictions[i] is the weighted sum of the input "
               "with that row, as vect_mat_mul reads it.")
def multi_in_out_step_columns(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    predictions = x.dot(w)
    deltas = predictions - np.asarray(goals, dtype=float)
    return w - alpha * np.outer(deltas, x), predictions, deltas ** 2, deltas


@misconception("multi_in_out_step", "alpha is left out of the update (weights[i][j] - weight_deltas[i][j])")
def multi_in_out_step_no_alpha(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, 1)


@misconception("multi_in_out_step", "the code asserts a square matrix (len(input) == len(weights)), as lesson 3's "
                                    "vect_mat_mul slide does",
               "A layer may have more inputs than outputs, or fewer: loop over len(weights) rows and len(input) "
               "columns.")
def multi_in_out_step_square_only(input, weights, goals, alpha):
    assert len(input) == len(weights)
    return _in_out_step(input, weights, goals, alpha)


@misconception("multi_in_out_step", GOAL_MINUS_PREDICTION)
def multi_in_out_step_delta_sign_flip(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, alpha, delta_sign=-1)


@misconception("multi_in_out_step", "alpha * weight_deltas[i][j] is added to the weights instead of subtracted")
def multi_in_out_step_update_sign_flip(input, weights, goals, alpha):
    return _in_out_step(input, weights, goals, alpha, sign=+1)
