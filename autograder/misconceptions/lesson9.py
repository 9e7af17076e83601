"""Classic slips of lesson 9 (activation functions), as the grader recognises them.

The derivatives take the activation's output, as in the course: giving them the input,
or the other activation's formula, are the slips met most. The training slips are
train_mnist_tanh_softmax as the reference, with one line typed the wrong way (several are
the course's own listing, whose quirks the traces document).
"""

import numpy as np

from . import misconception
from ..reference import load

_ref = load("lesson9")
sigmoid = _ref.sigmoid
tanh = _ref.tanh
tanh2deriv = _ref.tanh2deriv
softmax = _ref.softmax

# ------------------------------------------------------------------ sigmoid

@misconception("sigmoid", "the minus sign of the exponent is dropped: 1 / (1 + np.exp(x)) is sigmoid(-x)")
def sigmoid_exponent_sign(x):
    return 1 / (1 + np.exp(x))

@misconception("sigmoid", "the parentheses around the denominator are left out: 1 / 1 + np.exp(-x) is "
                          "1 + exp(-x)", "Divide 1 by the whole sum, 1 plus exp(-x).")
def sigmoid_no_parentheses(x):
    return 1 / 1 + np.exp(-x)

# ------------------------------------------------------------------ sigmoid2deriv

@misconception("sigmoid2deriv", "the sigmoid is applied again to its output: sigmoid2deriv takes the sigmoid's "
                                "output, which is already squashed", "The slope is the output times one minus the "
                                                                     "output.")
def sigmoid2deriv_sigmoid_again(output):
    return sigmoid(output) * (1 - sigmoid(output))

@misconception("sigmoid2deriv", "the minus becomes a plus: output * (1 + output)")
def sigmoid2deriv_plus(output):
    return output * (1 + output)

@misconception("sigmoid2deriv", "tanh's slope 1 - output ** 2 is used for the sigmoid",
               "The sigmoid's slope is its output times one minus that output.")
def sigmoid2deriv_tanh_formula(output):
    return 1 - np.asarray(output, dtype=float) ** 2

# ------------------------------------------------------------------ tanh

@misconception("tanh", "tanh is written as 2 * sigmoid(x) - 1, which is tanh(x / 2)",
               "The identity needs the sigmoid of twice x; NumPy's own tanh is simpler.")
def tanh_from_sigmoid(x):
    return 2 * sigmoid(x) - 1

# ------------------------------------------------------------------ tanh2deriv

@misconception("tanh2deriv", "the output is not squared: one minus the output instead of one minus its square")
def tanh2deriv_not_squared(output):
    return 1 - output

@misconception("tanh2deriv", "the parentheses are misplaced: the square of one minus the output instead of one minus "
                             "the square of the output")
def tanh2deriv_square_of_difference(output):
    return (1 - output) ** 2

@misconception("tanh2deriv", "tanh is applied again to its output: tanh2deriv takes tanh's output, which is "
                             "already squashed", "The slope is one minus the square of the output.")
def tanh2deriv_tanh_again(output):
    return 1 - np.tanh(output) ** 2

@misconception("tanh2deriv", "the sigmoid's slope output * (1 - output) is used for tanh",
               "tanh's slope is one minus the square of its output.")
def tanh2deriv_sigmoid_formula(output):
    return output * (1 - output)

# ------------------------------------------------------------------ softmax
# The reference softmax, with the axis, keepdims and the max shift as parameters.

def _softmax(x, axis=-1, keepdims=True, shift=True):
    x = np.asarray(x, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):  # without the shift, np.exp overflows
        temp = np.exp(x - np.max(x, axis=axis, keepdims=keepdims) if shift else x)
        return temp / np.sum(temp, axis=axis, keepdims=keepdims)

@misconception("softmax", "the largest value and the sums are taken along axis 0, down the columns: each row "
                          "(one per image) must sum to 1", "Take the maxima and the sums along the last axis, keeping"
                                                           " it, so that each row is divided by its own sum.")
def softmax_columns(x):
    return _softmax(x, axis=0)

@misconception("softmax", "np.max and np.sum are taken over the whole array, without an axis: every row is "
                          "divided by the sum of all the rows", "Take the maxima and the sums row by row, along the "
                                                                "last axis, keeping it.")
def softmax_whole_array(x):
    return _softmax(x, axis=None, keepdims=False)

@misconception("softmax", "the sums are taken along axis=1, as in the course's listing: a 1-D row of scores "
                          "has no axis 1", "The last axis is the row of a 1-D array, and the rows of a 2-D one.")
def softmax_axis_one(x):
    return _softmax(x, axis=1)

@misconception("softmax", "each row's largest value is not subtracted before np.exp")
def softmax_no_max_shift(x):
    return _softmax(x, shift=False)

@misconception("softmax", "keepdims=True is left out: the row maxima and sums lose their axis and no longer "
                          "line up with the rows of a 2-D array")
def softmax_no_keepdims(x):
    return _softmax(x, keepdims=False)

# ------------------------------------------------------------------ train_mnist_tanh_softmax
# The reference train_mnist_tanh_softmax, with the pieces a slip changes as parameters (a slip passes
# its own arguments on as **locals()).

def _train(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations, batch_size,
           dropout_rng, log_every, relu_layer=False, relu_slope=False, kept_times=2, mask_delta=True,
           softmax_in_training=True, softmax_in_test=True, every_batch=True,
           divisor=lambda batch_size, layer_2: batch_size * layer_2.shape[0]):
    weights_0_1 = np.array(weights_0_1, dtype=float)
    weights_1_2 = np.array(weights_1_2, dtype=float)
    images, labels = np.asarray(images, dtype=float), np.asarray(labels, dtype=float)
    history = []
    for j in range(iterations):
        error, correct_cnt = 0.0, 0
        batches = len(images) // batch_size
        for i in range(batches):
            batch_start, batch_end = i * batch_size, (i + 1) * batch_size
            layer_0 = images[batch_start:batch_end]
            layer_1 = np.dot(layer_0, weights_0_1)
            layer_1 = np.maximum(layer_1, 0) if relu_layer else tanh(layer_1)
            if dropout_rng is not None:
                mask = dropout_rng.integers(0, 2, size=layer_1.shape)
                layer_1 = layer_1 * mask * kept_times
            layer_2 = np.dot(layer_1, weights_1_2)
            if softmax_in_training:
                layer_2 = softmax(layer_2)
            goal = labels[batch_start:batch_end]
            error += np.sum((goal - layer_2) ** 2)
            correct_cnt += int(np.sum(np.argmax(layer_2, axis=1) == np.argmax(goal, axis=1)))
            if every_batch or i == batches - 1:  # the update after the loop is the last batch's alone
                layer_2_delta = (goal - layer_2) / divisor(batch_size, layer_2)
                slope = (layer_1 >= 0) if relu_slope else tanh2deriv(layer_1)
                layer_1_delta = layer_2_delta.dot(weights_1_2.T) * slope
                if dropout_rng is not None and mask_delta:
                    layer_1_delta *= mask
                weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
                weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)
        if j % log_every == 0 or j == iterations - 1:
            test_layer_2 = np.dot(tanh(np.dot(test_images, weights_0_1)), weights_1_2)
            if softmax_in_test:
                test_layer_2 = softmax(test_layer_2)
            test_error = np.sum((test_labels - test_layer_2) ** 2)
            test_correct = np.sum(np.argmax(test_layer_2, axis=1) == np.argmax(test_labels, axis=1))
            history.append((j, error / len(images), correct_cnt / len(images),
                            test_error / len(test_images), int(test_correct) / len(test_images)))
    return history, weights_0_1, weights_1_2

@misconception("train_mnist_tanh_softmax",
               "layer_2_delta is divided by batch_size once, as in lesson 8, where the course's listing divides it "
               "by batch_size * len(layer_2), the batch size squared")
def train_delta_divided_once(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), divisor=lambda batch_size, layer_2: batch_size)

@misconception("train_mnist_tanh_softmax",
               "the dropout mask switches units off but the kept ones are not doubled (layer_1 * mask, "
               "without the * 2)",
               "The course doubles the units the mask keeps.")
def train_mask_without_double(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                              iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), kept_times=1)

@misconception("train_mnist_tanh_softmax",
               "layer_1_delta is not multiplied by the mask, so the switched-off hidden units still learn",
               "The course multiplies the hidden layer's delta by the same mask as the forward pass.")
def train_delta_without_mask(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), mask_delta=False)

@misconception("train_mnist_tanh_softmax",
               "the output layer is left without softmax in training (layer_2 = layer_1 @ weights_1_2)",
               "The training pass and the test pass both end with softmax.")
def train_no_softmax_in_training(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                 iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), softmax_in_training=False)

@misconception("train_mnist_tanh_softmax",
               "the hidden layer keeps lesson 8's ReLU and relu2deriv instead of tanh and tanh2deriv",
               "In this lesson the hidden layer is tanh of the weighted sums, in training as in the test pass.")
def train_relu_hidden(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                      iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), relu_layer=True, relu_slope=True)

@misconception("train_mnist_tanh_softmax",
               "lesson 8's relu2deriv (layer_1 >= 0) is kept in layer_1_delta: the hidden layer is tanh now",
               "Its slope is tanh2deriv(layer_1).")
def train_relu2deriv_kept(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                          iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), relu_slope=True)

@misconception("train_mnist_tanh_softmax",
               "the test pass leaves out the softmax, as the course's listing does: the test accuracy is the same, "
               "but the test error is measured on the raw scores",
               "The test predictions go through tanh and then softmax, as in training.")
def train_test_without_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                               iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), softmax_in_test=False)

@misconception("train_mnist_tanh_softmax",
               "the deltas and the weight update are dedented out of the loop over the batches, as in the course's "
               "listing, so only the last batch of each iteration updates the weights",
               "Update the weights inside that loop, once per batch.")
def train_update_after_loop(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                            iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), every_batch=False)
