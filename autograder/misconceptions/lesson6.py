"""Classic slips of lesson 6 (backpropagation), as the grader recognises them."""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("lesson6")
relu = _ref.relu
relu2deriv = _ref.relu2deriv

NO_ALPHA = "alpha is left out of the update (weights - input * delta)"
SCALED_BY_ALPHA = "The lesson scales the update by alpha."
SIGN_FLIP = ("the weights move with the delta instead of against it (a + where the update subtracts, or delta = goal - "
             "prediction with the minus sign kept)")
SUBTRACTS = "With delta as the prediction minus the goal, the update subtracts alpha times input times delta."


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


@misconception("streetlight_one_light", "each (error, prediction) pair is measured after that iteration's update",
               "Record the pair before you change the weights: it is the prediction that made the error.")
def streetlight_one_light_after_update(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, measured_after=True)


@misconception("streetlight_one_light", NO_ALPHA, SCALED_BY_ALPHA)
def streetlight_one_light_no_alpha(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, 1.0, iterations)


@misconception("streetlight_one_light", SIGN_FLIP, SUBTRACTS)
def streetlight_one_light_sign_flip(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, sign=+1)


@misconception("streetlight_one_light", "the loop runs one iteration short (range(iterations - 1))")
def streetlight_one_light_one_short(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations - 1)


@misconception("streetlight_one_light", "each pair is recorded as (prediction, error) instead of (error, prediction)",
               "The slide prints the error first: \"Error:\" + str(error) + \" Prediction:\" + str(prediction).")
def streetlight_one_light_pair_swapped(input, goal, weights, alpha, iterations):
    return _one_light(input, goal, weights, alpha, iterations, record=lambda error, prediction: (prediction, error))


@misconception("streetlight_one_light", "only the predictions are recorded, not the (error, prediction) pairs")
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


@misconception("streetlight_sgd", "each row's error is measured after that row's update",
               "Add a row's error to the total before you change the weights.")
def streetlight_sgd_after_update(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, measured_after=True)


@misconception("streetlight_sgd", "the delta and update lines sit after the row loop instead of inside it, so "
               "only the last row updates the weights, once per iteration",
               "Stochastic gradient descent updates the weights after every row.")
def streetlight_sgd_update_dedented(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, combine=lambda steps: steps[-1])


@misconception("streetlight_sgd", "the weights are updated once per iteration with the average of all the rows' "
               "changes (full gradient descent) instead of after every row",
               "This exercise is stochastic: predict, measure and update one row at a time.")
def streetlight_sgd_full_batch(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, combine=lambda steps: sum(steps) / len(steps))


@misconception("streetlight_sgd", NO_ALPHA, SCALED_BY_ALPHA)
def streetlight_sgd_no_alpha(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, 1.0, iterations)


@misconception("streetlight_sgd", SIGN_FLIP, SUBTRACTS)
def streetlight_sgd_sign_flip(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, sign=+1)


@misconception("streetlight_sgd", "the row loop runs over range(6), the slide's six streetlights, instead of "
               "every row it is given",
               "Loop over every row of the input, as the slide does with its six.")
def streetlight_sgd_six_rows(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, rows=6)


@misconception("streetlight_sgd", "the total is appended inside the row loop, where the slide's print is "
               "indented (a running total after every row instead of one total per iteration)",
               "Append error_for_all_lights once per iteration, after the row loop.")
def streetlight_sgd_append_per_row(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, per_row=True)


@misconception("streetlight_sgd", "the total is set to 0 once, before the iteration loop, so every iteration "
               "adds to the totals of the ones before",
               "Start error_for_all_lights at 0 at the top of each iteration.")
def streetlight_sgd_total_never_reset(streetlights, walk_vs_stop, weights, alpha, iterations):
    return _sgd(streetlights, walk_vs_stop, weights, alpha, iterations, reset=False)


# ------------------------------------------------------------------ relu


@misconception("relu", "relu returns the absolute value, which flips negative numbers instead of turning them into 0")
def relu_absolute(x):
    return np.abs(x)


@misconception("relu", "negative numbers are scaled by 0.01 (a leaky ReLU) instead of turned into 0",
               "The lesson's relu turns every negative number into 0 and keeps the others.")
def relu_leaky(x):
    return (x > 0) * x + (x < 0) * 0.01 * x


@misconception("relu", "relu returns the mask x > 0, which is relu2deriv's answer, instead of x where it is positive",
               "relu keeps the values the mask lets through: the mask times x.")
def relu_mask_only(x):
    return x > 0


@misconception("relu", "np.max(x, 0) is used: it keeps only the largest number along axis 0 instead of comparing each"
                       " element with 0")
def relu_np_max(x):
    return np.max(x, 0)


# ------------------------------------------------------------------ relu2deriv


@misconception("relu2deriv", "the comparison is output >= 0, which gives a slope of 1 at exactly 0",
               "The lesson's relu2deriv is output > 0.")
def relu2deriv_at_zero(output):
    return output >= 0


@misconception("relu2deriv", "relu2deriv returns the output itself instead of the slope (1 where output > 0, else 0)")
def relu2deriv_returns_output(output):
    return output


@misconception("relu2deriv", "np.sign is used: it gives -1 for negative numbers where the slope is 0")
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


@misconception("train_deep_network", "the delta and update lines are dedented out of the pattern loop, as on the "
               "'Putting it all together' slide: only the last pattern updates the weights, once per iteration",
               "Compute the deltas and update the weights inside the loop over the patterns.")
def train_deep_network_update_dedented(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, last_only=True)


@misconception("train_deep_network", "weights_1_2 is updated before layer_1_delta is computed, so the delta goes "
               "back through the new weights instead of the ones that made the prediction")
def train_deep_network_update_order(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, back_through_new=True)


@misconception("train_deep_network", "each pattern's error is measured after that pattern's update",
               "Add a pattern's error to the total before you change the weights.")
def train_deep_network_after_update(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, measured_after=True)


@misconception("train_deep_network", "weights_0_1 changes by layer_1_delta.T.dot(layer_0), the product the wrong "
               "way round (it only fits when there are as many hidden units as inputs)",
               "Its change is the earlier layer transposed times the later delta: one row per input, one column per "
               "hidden unit.")
def train_deep_network_transposed_update(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, transposed=True)


@misconception("train_deep_network", "the weights move with the error instead of against it: layer_2_delta is "
                                     "goal - layer_2 while the updates keep their -=, so the error grows until it "
                                     "overflows",
               "The lesson's layer_2_delta is layer_2 - goal, the prediction minus the goal.")
def train_deep_network_sign_flip(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    with np.errstate(all="ignore"):  # it diverges: inf, then NaN, quietly
        return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, delta_scale=-1)


@misconception("train_deep_network", "alpha is left out of both weight updates",
               "The lesson scales both weight updates by alpha.")
def train_deep_network_no_alpha(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, 1.0, iterations)


@misconception("train_deep_network", "layer_2_delta is doubled: the derivative of the squared error is kept with "
                                     "its factor 2, which doubles every step (as a doubled alpha would)",
               "The lesson drops that 2: layer_2_delta is the prediction minus the goal.")
def train_deep_network_factor_two(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, delta_scale=2)


@misconception("train_deep_network", "the loop over the patterns stops one pattern early (len(inputs) - 1), so "
                                     "the last pattern never adds its error nor updates the weights",
               "Every pattern of the input takes its turn, in every iteration.")
def train_deep_network_stops_early(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, patterns=len(inputs) - 1)


@misconception("train_deep_network", "the loop over the patterns is written for the course's four streetlights "
                                     "(range(4)), whatever the number of rows of inputs",
               "Loop over as many patterns as inputs has rows.")
def train_deep_network_four_patterns(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, patterns=4)


@misconception("train_deep_network", "relu2deriv is taken of layer_2, the prediction, instead of layer_1, the "
               "hidden layer that relu produced",
               "The lesson takes relu2deriv of the hidden layer (layer_1), which relu made, not of the output.")
def train_deep_network_relu2deriv_of_output(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations,
                 slope=lambda layer_1, layer_2: relu2deriv(layer_2))


@misconception("train_deep_network", "the hidden units that relu switched off still get a share of layer_1_delta: "
               "it is not multiplied by relu2deriv(layer_1), or relu2deriv gives them a slope of 1")
def train_deep_network_no_relu2deriv(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, slope=lambda layer_1, layer_2: 1)


@misconception("train_deep_network", "the hidden layer is never passed through relu (layer_1 = layer_0.dot("
               "weights_0_1)), so the network stays linear",
               "The lesson passes the hidden layer through relu.")
def train_deep_network_no_relu(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, hidden=lambda x: x)


@misconception("train_deep_network", "the starting weights are drawn again with np.random.seed(1), as in the "
               "listing, instead of training the weights passed in",
               "Train the weights_0_1 and weights_1_2 the function is given (copies of them).")
def train_deep_network_draws_own_weights(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):
    stream = np.random.RandomState(1)  # the numbers np.random.seed(1) gives, without touching the global state
    weights_0_1 = 2 * stream.random_sample((len(inputs[0]), len(weights_1_2))) - 1
    weights_1_2 = 2 * stream.random_sample((len(weights_1_2), 1)) - 1
    return _deep(inputs, goals, weights_0_1, weights_1_2, alpha, iterations)
