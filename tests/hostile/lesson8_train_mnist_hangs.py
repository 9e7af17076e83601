# lesson: lesson8
# exercise: train_mnist
# Training whose batch loop never advances (batch_start is never moved on): the first call
# runs into the time limit, the exercise's other checks fail at once, dropout and
# dropout_mask keep their points.
import numpy as np


def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                batch_size=1, dropout_rng=None, log_every=10):
    weights_0_1, weights_1_2 = np.array(weights_0_1), np.array(weights_1_2)
    batch_start = 0
    while batch_start < len(images):
        layer_0 = images[batch_start:batch_start + batch_size]
        layer_1 = np.maximum(layer_0.dot(weights_0_1), 0)
    return [], weights_0_1, weights_1_2
