"""Lesson 8 — regularization and batching.

A three-layer network (ReLU hidden layer) learns MNIST digits, and learns the 1,000
training images so well that it gets worse on images it has never seen: overfitting.
Dropout (switching off a random half of the hidden units at each step) fights it, and
mini-batches (one weight update per batch of images) make training faster and smoother.
Write each function below, then check your work with `grade lesson8`
(`grade lesson8 --hint` shows a hint for each exercise that fails, and
`grade lesson8 --replay` replays the course's MNIST runs with your functions).

From this lesson on, inputs arrive as NumPy float arrays: images of shape
(number of images, 784), already divided by 255, and labels one-hot of shape
(number of images, 10), as the course's listings prepare them.
"""

import numpy as np


def dropout(layer, mask):
    """Switch off the hidden units where ``mask`` is 0 and double the others:
    ``layer * mask * 2``.

    Half the units are kept on average, so the doubling keeps the next layer's input
    about as large as without dropout (the course's ``layer_1 *= dropout_mask * 2``).

    >>> dropout(np.array([[0.5, 1.0, 2.0, 0.25]]), np.array([[1, 0, 1, 0]]))
    array([[1., 0., 4., 0.]])
    """
    return np.asarray(layer) * np.asarray(mask) * 2


def dropout_mask(shape, rng):
    """A mask of 0s and 1s of the given ``shape``, each entry 1 with probability 1/2,
    drawn from the NumPy random ``Generator`` ``rng`` (never from ``np.random``'s global
    functions: the grader gives you the generator to use).

    The course draws ``np.random.randint(2, size=layer_1.shape)``, whole numbers from 0
    (included) to 2 (excluded); a Generator has a method that draws the same way.

    >>> mask = dropout_mask((2, 3), np.random.default_rng(0))
    >>> mask.shape
    (2, 3)
    >>> set(mask.ravel().tolist()) <= {0, 1}
    True
    """
    return rng.integers(0, 2, size=shape)


def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                batch_size=1, dropout_rng=None, log_every=10):
    """Train the course's three-layer MNIST network and return
    ``(history, weights_0_1, weights_1_2)``.

    The network: ``layer_1 = relu(layer_0 @ weights_0_1)``, ``layer_2 = layer_1 @
    weights_1_2`` (no activation on the output), with ``relu(x) = (x >= 0) * x``.

    Each iteration goes through the training images in batches of ``batch_size``
    (images ``[0:b]``, ``[b:2b]``, ...; ``len(images) // batch_size`` batches, a
    remainder is left out, as in the course). For each batch:

    1. forward pass; when ``dropout_rng`` is given, draw
       ``mask = dropout_mask(layer_1.shape, dropout_rng)`` and use
       ``layer_1 = dropout(layer_1, mask)``;
    2. add the batch's squared error ``sum((labels - layer_2) ** 2)`` and its count of
       correct answers (``argmax`` of the prediction equals ``argmax`` of the label) to
       the iteration's totals: measured *before* the batch's update, with dropout;
    3. ``layer_2_delta = (labels - layer_2) / batch_size``;
       ``layer_1_delta = layer_2_delta @ weights_1_2.T * relu2deriv(layer_1)`` (then
       ``* mask`` with dropout), with the listing's ``relu2deriv(output) = output >= 0``;
    4. once per batch: ``weights_1_2 += alpha * layer_1.T @ layer_2_delta`` and
       ``weights_0_1 += alpha * layer_0.T @ layer_1_delta``.

    The history has one row ``(iteration, train_error, train_acc, test_error, test_acc)``
    for every iteration ``j`` with ``j % log_every == 0``, and for the last iteration:
    ``train_error`` is the iteration's summed squared error divided by ``len(images)``,
    ``train_acc`` its correct count divided by ``len(images)`` (what the course prints as
    Train-Err and Train-Acc); ``test_error`` and ``test_acc`` are the same measures on the
    test images, computed after that iteration's updates, without dropout. The caller's
    weight arrays are not changed: the function returns new ones.

    (ReLU outputs are never negative, so the listing's ``output >= 0`` is 1 everywhere
    and the course's printed runs depend on it; ``output > 0``, lesson 6's derivative,
    is accepted by the grader too, but the replay of the course's runs then differs a
    little from the printed figures.)

    Two images of four pixels, two hidden units, two classes, one iteration:

    >>> images = np.array([[1.0, 0.0, 0.5, 0.0], [0.0, 1.0, 0.0, 0.5]])
    >>> labels = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> w01 = np.full((4, 2), 0.1)
    >>> w12 = np.array([[0.1, -0.1], [0.2, 0.1]])
    >>> history, w01, w12 = train_mnist(images, labels, images, labels, w01, w12, 0.5, 1)
    >>> [round(float(v), 4) for v in history[0]]
    [0.0, 0.9582, 0.5, 0.8694, 0.5]
    """
    weights_0_1 = np.array(weights_0_1, dtype=float)  # copies: the caller's arrays stay as they were
    weights_1_2 = np.array(weights_1_2, dtype=float)
    images, labels = np.asarray(images, dtype=float), np.asarray(labels, dtype=float)
    history = []
    for j in range(iterations):
        error, correct_cnt = 0.0, 0
        for i in range(len(images) // batch_size):
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
            correct_cnt += int(np.sum(np.argmax(layer_2, axis=1) == np.argmax(goal, axis=1)))

            layer_2_delta = (goal - layer_2) / batch_size
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * (layer_1 >= 0)
            if dropout_rng is not None:
                layer_1_delta *= mask
            weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)

        if j % log_every == 0 or j == iterations - 1:
            test_layer_1 = np.dot(test_images, weights_0_1)
            test_layer_2 = np.dot((test_layer_1 >= 0) * test_layer_1, weights_1_2)
            test_error = np.sum((test_labels - test_layer_2) ** 2)
            test_correct = np.sum(np.argmax(test_layer_2, axis=1) == np.argmax(test_labels, axis=1))
            history.append((j, error / len(images), correct_cnt / len(images),
                            test_error / len(test_images), int(test_correct) / len(test_images)))
    return history, weights_0_1, weights_1_2
