# exercise: train_mnist_tanh_softmax
# misconception: lesson9.train_mnist_tanh_softmax.train_delta_without_mask
# The mask in the forward pass only: `layer_1_delta *= dropout_mask` forgotten.
def train_mnist_tanh_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    w01, w12 = weights_0_1.copy(), weights_1_2.copy()
    history = []
    for j in range(iterations):
        error, correct = 0.0, 0
        for i in range(len(images) // batch_size):
            layer_0 = images[i * batch_size:(i + 1) * batch_size]
            goal = labels[i * batch_size:(i + 1) * batch_size]
            layer_1 = tanh(layer_0.dot(w01))
            if dropout_rng is not None:
                layer_1 = layer_1 * dropout_rng.integers(0, 2, size=layer_1.shape) * 2
            layer_2 = softmax(layer_1.dot(w12))
            error += np.sum((goal - layer_2) ** 2)
            correct += np.sum(layer_2.argmax(1) == goal.argmax(1))
            layer_2_delta = (goal - layer_2) / (batch_size * len(layer_2))
            layer_1_delta = layer_2_delta.dot(w12.T) * tanh2deriv(layer_1)
            w12 += alpha * layer_1.T.dot(layer_2_delta)
            w01 += alpha * layer_0.T.dot(layer_1_delta)
        if j % log_every == 0 or j == iterations - 1:
            out = softmax(tanh(test_images.dot(w01)).dot(w12))
            history.append((j, error / len(images), int(correct) / len(images),
                            np.sum((test_labels - out) ** 2) / len(test_images),
                            np.mean(out.argmax(1) == test_labels.argmax(1))))
    return history, w01, w12
