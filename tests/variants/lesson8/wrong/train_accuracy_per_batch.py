# exercise: train_mnist
# misconception: lesson8.train_mnist.train_mnist_accuracy_per_batch
# The per-image listing's `int(np.argmax(layer_2) == np.argmax(labels[i:i+1]))` kept
# when moving to batches: one argmax over the whole batch.
def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                batch_size=1, dropout_rng=None, log_every=10):
    weights_0_1, weights_1_2 = weights_0_1.copy(), weights_1_2.copy()
    history = []
    for j in range(iterations):
        error, correct_cnt = 0.0, 0
        for i in range(int(len(images) / batch_size)):
            batch_start, batch_end = i * batch_size, (i + 1) * batch_size
            layer_0 = images[batch_start:batch_end]
            layer_1 = np.dot(layer_0, weights_0_1)
            layer_1 = (layer_1 >= 0) * layer_1
            if dropout_rng is not None:
                dropout_mask_ = dropout_mask(layer_1.shape, dropout_rng)
                layer_1 = layer_1 * dropout_mask_ * 2
            layer_2 = np.dot(layer_1, weights_1_2)
            error += np.sum((labels[batch_start:batch_end] - layer_2) ** 2)
            correct_cnt += int(layer_2.argmax() == labels[batch_start:batch_end].argmax())
            layer_2_delta = (labels[batch_start:batch_end] - layer_2) / batch_size
            layer_1_delta = layer_2_delta.dot(weights_1_2.T) * (layer_1 >= 0)
            if dropout_rng is not None:
                layer_1_delta *= dropout_mask_
            weights_1_2 += alpha * layer_1.T.dot(layer_2_delta)
            weights_0_1 += alpha * layer_0.T.dot(layer_1_delta)
        if j % log_every == 0 or j == iterations - 1:
            test_layer_2 = np.dot(np.maximum(np.dot(test_images, weights_0_1), 0), weights_1_2)
            history.append((j, error / len(images), correct_cnt / len(images),
                            np.sum((test_labels - test_layer_2) ** 2) / len(test_images),
                            np.mean(np.argmax(test_layer_2, axis=1) == np.argmax(test_labels, axis=1))))
    return history, weights_0_1, weights_1_2
