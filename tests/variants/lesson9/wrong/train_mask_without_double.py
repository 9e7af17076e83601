# exercise: train_mnist_tanh_softmax
# check: train_tanh_softmax_dropout_step
# misconception: lesson9.train_mnist_tanh_softmax.train_mask_without_double
def train_mnist_tanh_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    weights_0_1 = np.array(weights_0_1, dtype=float)  # copies: the caller's arrays stay as they were
    weights_1_2 = np.array(weights_1_2, dtype=float)
    images, labels = np.asarray(images, dtype=float), np.asarray(labels, dtype=float)
    history = []
    for j in range(iterations):
        error, correct_cnt = 0.0, 0
        for i in range(len(images) // batch_size):
            batch_start, batch_end = i * batch_size, (i + 1) * batch_size
            layer_0 = images[batch_start:batch_end]
            layer_1 = tanh(np.dot(layer_0, weights_0_1))
            if dropout_rng is not None:
                mask = dropout_rng.integers(0, 2, size=layer_1.shape)
                layer_1 = layer_1 * mask
            layer_2 = softmax(np.dot(layer_1, weights_1_2))

            goal = labels[batch_start:batch_end]
            error += np.sum((goal - layer_2) ** 2)
            correct_cnt += int(np.sum(np.argmax(layer_2, axis=1) == np.argmax(goal, axis=1)))

            layer_2_delta = (goal - layer_2) / (batch_size * layer_2.shape[0])
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * tanh2deriv(layer_1)
            if dropout_rng is not None:
                layer_1_delta *= mask
            weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)

        if j % log_every == 0 or j == iterations - 1:
            test_layer_2 = softmax(np.dot(tanh(np.dot(test_images, weights_0_1)), weights_1_2))
            test_error = np.sum((test_labels - test_layer_2) ** 2)
            test_correct = np.sum(np.argmax(test_layer_2, axis=1) == np.argmax(test_labels, axis=1))
            history.append((j, error / len(images), correct_cnt / len(images),
                            test_error / len(test_images), int(test_correct) / len(test_images)))
    return history, weights_0_1, weights_1_2
