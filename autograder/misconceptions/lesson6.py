"""Classic slips of lesson 6 (backpropagation), as the grader recognises them."""

import numpy as np

from ..reference import load

_ref = load("lesson6")
relu = _ref.relu
relu2deriv = _ref.relu2deriv


# ------------------------------------------------------------------ streetlight_one_light
# The reference loop, with the pieces a slip changes as parameters.

def _one_light(input, goal, weights, alpha, iterations, sign=-1, measured_after=False, record=None):
    weights = np.array(weights, dtype=float)
    history = []
    for iteration in range(iterations):
        prediction = input.dot(weights)
        weights = weights + sign * alpha * (input * (prediction - goal))
        if measured_after:
            prediction = input.dot(weights)
        error = (goal - prediction) ** 2
        history.append(record(error, prediction) if record else (error, prediction))
    return history


def streetlight_one_light_after_update(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, measured_after=True)

def streetlight_one_light_no_alpha(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, 1.0, iterations)

def streetlight_one_light_sign_flip(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, sign=+1)

def streetlight_one_light_one_short(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations - 1)

def streetlight_one_light_pair_swapped(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, record=lambda error, prediction: (prediction, error))

def streetlight_one_light_predictions_only(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, record=lambda error, prediction: prediction)


# ------------------------------------------------------------------ streetlight_sgd
# The reference loop of streetlight_sgd, with the pieces a slip changes as parameters.

def _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, sign=-1, rows=None, measured_after=False,
         combine=None, per_row=False, reset=True):
    streetlights = np.asarray(streetlights, dtype=float)
    walk_vs_stop = np.asarray(walk_vs_stop, dtype=float)
    weights = np.array(weights, dtype=float)
    errors, error_for_all_lights = [], 0.0
    for iteration in range(iterations):
        if reset:
            error_for_all_lights = 0.0
        steps = []
        for row_index in range(len(walk_vs_stop) if rows is None else rows):
            input = streetlights[row_index]
            goal_prediction = walk_vs_stop[row_index]
            prediction = input.dot(weights)
            steps.append(sign * alpha * (input * (prediction - goal_prediction)))
            if combine is None:
                weights = weights + steps[-1]
            if measured_after:
                prediction = input.dot(weights)
            error_for_all_lights += (goal_prediction - prediction) ** 2
            if per_row:
                errors.append(error_for_all_lights)
        if combine is not None:  # the weights move once per iteration, by what combine makes of the rows' steps
            weights = weights + combine(steps)
        if not per_row:
            errors.append(error_for_all_lights)
    return errors


def streetlight_sgd_after_update(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, measured_after=True)

def streetlight_sgd_update_dedented(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, combine=lambda steps: steps[-1])

def streetlight_sgd_full_batch(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, combine=lambda steps: sum(steps) / len(steps))

def streetlight_sgd_no_alpha(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, 1.0, iterations)

def streetlight_sgd_sign_flip(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, sign=+1)

def streetlight_sgd_six_rows(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, rows=6)

def streetlight_sgd_append_per_row(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, per_row=True)

def streetlight_sgd_total_never_reset(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, reset=False)


# ------------------------------------------------------------------ relu


def relu_absolute(x):
    return np.abs(x)

def relu_leaky(x):
    return (x > 0) * x + (x < 0) * 0.01 * x

def relu_mask_only(x):
    return x > 0

def relu_np_max(x):
    return np.max(x, 0)


# ------------------------------------------------------------------ relu2deriv


def relu2deriv_at_zero(output):
    return output >= 0

def relu2deriv_returns_output(output):
    return output

def relu2deriv_sign(output):
    return np.sign(output)


# ------------------------------------------------------------------ train_deep_network
# The reference loop of train_deep_network, with the pieces a slip changes as parameters.

def _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, patterns=None, hidden=None, slope=None,
          delta_scale=1, transposed=False, last_only=False, back_through_new=False, measured_after=False):
    inputs = np.asarray(inputs, dtype=float)
    goals = np.asarray(goals, dtype=float).reshape(len(inputs), -1)
    weights_0_1 = np.array(weights_0_1, dtype=float)
    weights_1_2 = np.array(weights_1_2, dtype=float)
    errors = []
    for iteration in range(iterations):
        layer_2_error = 0.0
        for i in range(len(inputs) if patterns is None else patterns):
            layer_0, goal = inputs[i:i + 1], goals[i:i + 1]
            layer_1 = (hidden or relu)(np.dot(layer_0, weights_0_1))
            layer_2 = np.dot(layer_1, weights_1_2)
            if not measured_after:
                layer_2_error += np.sum((layer_2 - goal) ** 2)
            if last_only and i < len(inputs) - 1:
                continue
            layer_2_delta = delta_scale * (layer_2 - goal)
            new_weights_1_2 = weights_1_2 - alpha * layer_1.T.dot(layer_2_delta)
            back = new_weights_1_2 if back_through_new else weights_1_2
            mask = relu2deriv(layer_1) if slope is None else slope(layer_1, layer_2)
            layer_1_delta = layer_2_delta.dot(back.T) * mask
            weights_0_1 -= alpha * (layer_1_delta.T.dot(layer_0) if transposed else layer_0.T.dot(layer_1_delta))
            weights_1_2 = new_weights_1_2
            if measured_after:
                layer_2 = np.dot((hidden or relu)(np.dot(layer_0, weights_0_1)), weights_1_2)
                layer_2_error += np.sum((layer_2 - goal) ** 2)
        errors.append(layer_2_error)
    return errors, weights_0_1, weights_1_2


def train_deep_network_update_dedented(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, last_only=True)

def train_deep_network_update_order(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, back_through_new=True)

def train_deep_network_after_update(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, measured_after=True)

def train_deep_network_transposed_update(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, transposed=True)

def train_deep_network_sign_flip(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    with np.errstate(all="ignore"):  # it diverges: inf, then NaN, quietly
        return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, delta_scale=-1)

def train_deep_network_no_alpha(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, 1.0, iterations)

def train_deep_network_factor_two(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, delta_scale=2)

def train_deep_network_stops_early(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, patterns=len(inputs) - 1)

def train_deep_network_four_patterns(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, patterns=4)

def train_deep_network_relu2deriv_of_output(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations,
                 slope=lambda layer_1, layer_2: relu2deriv(layer_2))

def train_deep_network_no_relu2deriv(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, slope=lambda layer_1, layer_2: 1)

def train_deep_network_no_relu(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, hidden=lambda x: x)

def train_deep_network_draws_own_weights(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    stream = np.random.RandomState(1)  # the numbers np.random.seed(1) gives, without touching the global state
    weights_0_1 = 2 * stream.random_sample((len(inputs[0]), len(weights_1_2))) - 1
    weights_1_2 = 2 * stream.random_sample((len(weights_1_2), 1)) - 1
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations)
