"""Classic slips of lesson 9 (activation functions), as the grader recognises them.

The derivatives take the activation's output, as in the course: giving them the input,
or the other activation's formula, are the slips met most. The training slips are
train_mnist_tanh_softmax as the reference, with one line typed the wrong way (several are
the course's own listing, whose quirks the traces document).
"""

import numpy as np

from ..reference import load

_ref = load("lesson9")
sigmoid = _ref.sigmoid
tanh = _ref.tanh
tanh2deriv = _ref.tanh2deriv
softmax = _ref.softmax

# ------------------------------------------------------------------ sigmoid

def sigmoid_exponent_sign(x):
    return 1 / (1 + np.exp(x))

def sigmoid_no_parentheses(x):
    return 1 / 1 + np.exp(-x)

# ------------------------------------------------------------------ sigmoid2deriv

def sigmoid2deriv_sigmoid_again(output):
    return sigmoid(output) * (1 - sigmoid(output))

def sigmoid2deriv_plus(output):
    return output * (1 + output)

def sigmoid2deriv_tanh_formula(output):
    return 1 - np.asarray(output, dtype=float) ** 2

# ------------------------------------------------------------------ tanh

def tanh_from_sigmoid(x):
    return 2 * sigmoid(x) - 1

# ------------------------------------------------------------------ tanh2deriv

def tanh2deriv_not_squared(output):
    return 1 - output

def tanh2deriv_square_of_difference(output):
    return (1 - output) ** 2

def tanh2deriv_tanh_again(output):
    return 1 - np.tanh(output) ** 2

def tanh2deriv_sigmoid_formula(output):
    return output * (1 - output)

# ------------------------------------------------------------------ softmax
# The reference softmax, with the axis, keepdims and the max shift as parameters.

def _softmax(x, axis=-1, keepdims=True, shift=True):
    x = np.asarray(x, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):  # without the shift, np.exp overflows
        temp = np.exp(x - np.max(x, axis=axis, keepdims=keepdims) if shift else x)
        return temp / np.sum(temp, axis=axis, keepdims=keepdims)

def softmax_columns(x):
    return _softmax(x, axis=0)

def softmax_whole_array(x):
    return _softmax(x, axis=None, keepdims=False)

def softmax_axis_one(x):
    return _softmax(x, axis=1)

def softmax_no_max_shift(x):
    return _softmax(x, shift=False)

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

def train_delta_divided_once(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), divisor=lambda batch_size, layer_2: batch_size)

def train_mask_without_double(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                              iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), kept_times=1)

def train_delta_without_mask(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), mask_delta=False)

def train_no_softmax_in_training(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                 iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), softmax_in_training=False)

def train_relu_hidden(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                      iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), relu_layer=True, relu_slope=True)

def train_relu2deriv_kept(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                          iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), relu_slope=True)

def train_test_without_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                               iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), softmax_in_test=False)

def train_update_after_loop(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                            iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), every_batch=False)
