"""Classic slips of lesson 9 (activation functions), as the grader recognises them.

The derivatives take the activation's output, as in the course: giving them the input,
or the other activation's formula, are the slips met most. The training slips are
train_mnist_tanh_softmax as the reference, with one line typed the wrong way (several are
the course's own listing, whose quirks the traces document).
"""

import numpy as np

from ..reference import load
from ._mnist import _mnist

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
# The shared MNIST loop with this lesson's pieces; a slip passes its own arguments on as **locals(), then its change.
def _train(**slip):
    pieces = dict(hidden=tanh, test_hidden=tanh, hidden_slope=tanh2deriv, output=softmax, test_output=softmax,
                  draw_mask=lambda shape, rng: rng.integers(0, 2, size=shape),
                  apply_mask=lambda layer, mask: layer * mask * 2,
                  layer_2_delta=lambda goal, layer_2, batch_size: (goal - layer_2) / (batch_size * layer_2.shape[0]))
    return _mnist(**dict(pieces, **slip))

def train_delta_divided_once(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), layer_2_delta=lambda goal, layer_2, batch_size: (goal - layer_2) / batch_size)

def train_mask_without_double(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                              iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), apply_mask=lambda layer, mask: layer * mask)

def train_delta_without_mask(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), mask_delta=False)

def train_no_softmax_in_training(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                 iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), output=lambda layer_2: layer_2)

def train_relu_hidden(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                      iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), hidden=lambda layer_1: np.maximum(layer_1, 0), hidden_slope=lambda layer_1: layer_1 >= 0)

def train_relu2deriv_kept(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                          iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), hidden_slope=lambda layer_1: layer_1 >= 0)

def train_test_without_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                               iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), test_output=lambda layer_2: layer_2)

def train_update_after_loop(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                            iterations, batch_size=100, dropout_rng=None, log_every=10):
    return _train(**locals(), every_batch=False)
