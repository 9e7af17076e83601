# exercise: train_mnist_tanh_softmax
# check: train_tanh_softmax_dropout_not_in_test
# misconception: lesson9.train_mnist_tanh_softmax.train_test_without_softmax
# The course's listing: the test pass goes image by image and keeps the raw layer_2
# (argmax does not care, the squared error does).
def train_mnist_tanh_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    weights_0_1, weights_1_2 = weights_0_1.copy(), weights_1_2.copy()
    history = []
    for j in range(iterations):
        error, correct_cnt = 0.0, 0
        for i in range(int(len(images) / batch_size)):
            batch_start, batch_end = ((i * batch_size), ((i + 1) * batch_size))
            layer_0 = images[batch_start:batch_end]
            layer_1 = tanh(np.dot(layer_0, weights_0_1))
            if dropout_rng is not None:
                dropout_mask = dropout_rng.integers(0, 2, size=layer_1.shape)
                layer_1 *= dropout_mask * 2
            layer_2 = softmax(np.dot(layer_1, weights_1_2))
            error += np.sum((labels[batch_start:batch_end] - layer_2) ** 2)
            for k in range(batch_size):
                correct_cnt += int(np.argmax(layer_2[k:k + 1]) == np.argmax(labels[batch_start + k:batch_start + k + 1]))
            layer_2_delta = (labels[batch_start:batch_end] - layer_2) / (batch_size * layer_2.shape[0])
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * tanh2deriv(layer_1)
            if dropout_rng is not None:
                layer_1_delta *= dropout_mask
            weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)
        if j % log_every == 0 or j == iterations - 1:
            test_error, test_correct_cnt = 0.0, 0
            for i in range(len(test_images)):
                layer_0 = test_images[i:i + 1]
                layer_1 = tanh(np.dot(layer_0, weights_0_1))
                layer_2 = np.dot(layer_1, weights_1_2)
                test_error += np.sum((test_labels[i:i + 1] - layer_2) ** 2)
                test_correct_cnt += int(np.argmax(layer_2) == np.argmax(test_labels[i:i + 1]))
            history.append((j, error / float(len(images)), correct_cnt / float(len(images)),
                            test_error / float(len(test_images)), test_correct_cnt / float(len(test_images))))
    return history, weights_0_1, weights_1_2
