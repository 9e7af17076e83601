# exercise: train_mnist_tanh_softmax
# misconception: lesson9.train_mnist_tanh_softmax.train_relu2deriv_kept
# Lesson 8's train_mnist adapted: tanh and softmax in, but relu2deriv left in the backward pass.
def relu2deriv(output):
    return output >= 0


def train_mnist_tanh_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, batch_size=100, dropout_rng=None, log_every=10):
    w01 = weights_0_1.astype(float)
    w12 = weights_1_2.astype(float)
    history = []
    for it in range(iterations):
        total_error, total_correct = 0.0, 0
        for start in range(0, (len(images) // batch_size) * batch_size, batch_size):
            layer_0 = images[start:start + batch_size]
            goal = labels[start:start + batch_size]
            layer_1 = tanh(layer_0 @ w01)
            if dropout_rng is not None:
                mask = dropout_rng.integers(0, 2, size=layer_1.shape)
                layer_1 = layer_1 * mask * 2
            layer_2 = softmax(layer_1 @ w12)
            total_error += float(np.sum((goal - layer_2) ** 2))
            total_correct += int(np.sum(layer_2.argmax(axis=1) == goal.argmax(axis=1)))
            delta_2 = (goal - layer_2) / (batch_size * batch_size)
            delta_1 = (delta_2 @ w12.T) * relu2deriv(layer_1)
            if dropout_rng is not None:
                delta_1 = delta_1 * mask
            w12 += alpha * layer_1.T @ delta_2
            w01 += alpha * layer_0.T @ delta_1
        if it % log_every == 0 or it == iterations - 1:
            out = softmax(tanh(test_images @ w01) @ w12)
            history.append((it, total_error / len(images), total_correct / len(images),
                            float(np.sum((test_labels - out) ** 2)) / len(test_images),
                            float(np.mean(out.argmax(axis=1) == test_labels.argmax(axis=1)))))
    return history, w01, w12
