"""Classic slips of lesson 8 (dropout and mini-batches), as the grader recognises them.

The training slips are train_mnist as the reference, with one line typed the wrong way (most of
them the course's own listings, whose indentation slips the traces document). They draw their
masks with dropout_mask, as the reference does, so they are named only for a learner who does too.
"""

import numpy as np

from ..reference import load
from ._mnist import _mnist

_ref = load("lesson8")
dropout = _ref.dropout
dropout_mask = _ref.dropout_mask

# ------------------------------------------------------------------ dropout

def dropout_no_double(layer, mask):
    return np.asarray(layer) * np.asarray(mask)

def dropout_times_keep_probability(layer, mask):
    return np.asarray(layer) * np.asarray(mask) * 0.5

# ------------------------------------------------------------------ dropout_mask

def dropout_mask_fractions(shape, rng):
    return rng.random(shape)

def dropout_mask_high_one(shape, rng):
    return rng.integers(0, 1, size=shape)

def dropout_mask_doubled(shape, rng):
    return rng.integers(0, 2, size=shape) * 2

def dropout_mask_no_size(shape, rng):
    return rng.integers(0, 2)

# ------------------------------------------------------------------ train_mnist
# The shared MNIST loop with this lesson's mask; a slip passes its own arguments on as **locals(), then its change.
def _train(**slip):
    return _mnist(**dict(dict(draw_mask=dropout_mask, apply_mask=dropout), **slip))

def train_mnist_update_per_item(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), updates_per_batch=batch_size)

def train_mnist_update_after_loop(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                  iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), every_batch=False)

def train_mnist_delta_not_divided(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                  iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), layer_2_delta=lambda goal, layer_2, batch_size: goal - layer_2)

def train_mnist_relu2deriv_on_output(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                     iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), hidden_slope=lambda layer_1: 1,
                  layer_2_delta=lambda goal, layer_2, batch_size: (goal - layer_2) * (layer_2 > 0) / batch_size)

def train_mnist_delta_without_mask(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                   iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), mask_delta=False)

def train_mnist_test_with_dropout(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                  iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), test_dropout=True)

def train_mnist_accuracy_per_batch(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                   iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), argmax_axis=None)

def train_mnist_no_last_row(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                            iterations, batch_size=1, dropout_rng=None, log_every=10):
    return _train(**locals(), last_row=False)
