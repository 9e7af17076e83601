"""The MNIST mini-batch training loop that the training slips of lessons 8 and 9 share."""

import numpy as np

# The reference loop, with what a lesson or a slip changes as parameters (the defaults are lesson 8's but the mask).
def _mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations, batch_size,
           dropout_rng, log_every, draw_mask, apply_mask, hidden=lambda layer_1: (layer_1 >= 0) * layer_1,
           test_hidden=lambda layer_1: (layer_1 >= 0) * layer_1, hidden_slope=lambda layer_1: layer_1 >= 0,
           output=lambda layer_2: layer_2, test_output=lambda layer_2: layer_2,
           layer_2_delta=lambda goal, layer_2, batch_size: (goal - layer_2) / batch_size, every_batch=True,
           updates_per_batch=1, argmax_axis=1, mask_delta=True, test_dropout=False, last_row=True):
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
            layer_1 = hidden(np.dot(layer_0, weights_0_1))
            if dropout_rng is not None:
                mask = draw_mask(layer_1.shape, dropout_rng)
                layer_1 = apply_mask(layer_1, mask)
            layer_2 = output(np.dot(layer_1, weights_1_2))
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
            test_layer_1 = test_hidden(np.dot(test_images, weights_0_1))
            if test_dropout and dropout_rng is not None:
                test_layer_1 = apply_mask(test_layer_1, draw_mask(test_layer_1.shape, dropout_rng))
            test_layer_2 = test_output(np.dot(test_layer_1, weights_1_2))
            test_error = np.sum((test_labels - test_layer_2) ** 2)
            test_correct = np.sum(np.argmax(test_layer_2, axis=1) == np.argmax(test_labels, axis=1))
            history.append((j, error / len(images), correct_cnt / len(images),
                            test_error / len(test_images), int(test_correct) / len(test_images)))
    return history, weights_0_1, weights_1_2
