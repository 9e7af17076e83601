"""Classic slips of lesson 8 (dropout and mini-batches), as the grader recognises them.

The training slips are train_mnist as the reference, with one line typed the wrong way (most of
them the course's own listings, whose indentation slips the traces document). They draw their
masks with dropout_mask, as the reference does, so they are named only for a learner who does too.
"""

import numpy as np

from ..reference import load

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
# The reference train_mnist, with the pieces a slip changes as parameters (a slip passes its own
# arguments on as **locals()).

def _train(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations, batch_size,
           dropout_rng, log_every, every_batch=True, updates_per_batch=1, argmax_axis=1,
           layer_2_delta=lambda goal, layer_2, batch_size: (goal - layer_2) / batch_size,
           hidden_slope=lambda layer_1: layer_1 >= 0, mask_delta=True, test_dropout=False, last_row=True):
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
            layer_1 = (layer_1 >= 0) * layer_1
            if dropout_rng is not None:
                mask = dropout_mask(layer_1.shape, dropout_rng)
                layer_1 = dropout(layer_1, mask)
            layer_2 = np.dot(layer_1, weights_1_2)
            goal = labels[batch_start:batch_end]
            error += np.sum((goal - layer_2) ** 2)
            correct = np.argmax(layer_2, axis=argmax_axis) == np.argmax(goal, axis=argmax_axis)
            correct_cnt += int(np.sum(correct))
            # the update after the loop over the batches is the update of the last batch alone
            for _ in range(updates_per_batch if every_batch or i == batches - 1 else 0):
                delta_2 = layer_2_delta(goal, layer_2, batch_size)
                layer_1_delta = delta_2.dot(weights_1_2.T) * hidden_slope(layer_1)
                if dropout_rng is not None and mask_delta:
                    layer_1_delta *= mask
                weights_1_2 += alpha * layer_1.T.dot(delta_2)
                weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)
        if j % log_every == 0 or (last_row and j == iterations - 1):
            test_layer_1 = np.dot(test_images, weights_0_1)
            test_layer_1 = (test_layer_1 >= 0) * test_layer_1
            if test_dropout and dropout_rng is not None:
                test_layer_1 = dropout(test_layer_1, dropout_mask(test_layer_1.shape, dropout_rng))
            test_layer_2 = np.dot(test_layer_1, weights_1_2)
            test_error = np.sum((test_labels - test_layer_2) ** 2)
            test_correct = np.sum(np.argmax(test_layer_2, axis=1) == np.argmax(test_labels, axis=1))
            history.append((j, error / len(images), correct_cnt / len(images),
                            test_error / len(test_images), int(test_correct) / len(test_images)))
    return history, weights_0_1, weights_1_2

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
