# exercise: train_mnist
# check: train_mnist_dropout_step
# misconception: lesson8.train_mnist.train_mnist_delta_without_mask
# The forward pass drops units, the backward pass forgets `layer_1_delta *= dropout_mask`;
# explicit per-image loops inside each batch, outer products summed by hand.
relu2deriv = lambda output: output >= 0


def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                batch_size=1, dropout_rng=None, log_every=10):
    w01 = np.array(weights_0_1, dtype=float)
    w12 = np.array(weights_1_2, dtype=float)
    history = []
    for it in range(iterations):
        total_error, total_correct = 0.0, 0
        for b in range(len(images) // batch_size):
            grad_01, grad_12 = np.zeros_like(w01), np.zeros_like(w12)
            layer_1 = np.maximum(images[b * batch_size:(b + 1) * batch_size] @ w01, 0.0)
            if dropout_rng is not None:
                layer_1 *= dropout_mask(layer_1.shape, dropout_rng) * 2
            for k in range(batch_size):
                x, h, goal = images[b * batch_size + k], layer_1[k], labels[b * batch_size + k]
                out = h @ w12
                total_error += float(np.sum((goal - out) ** 2))
                total_correct += int(out.argmax() == goal.argmax())
                d2 = (goal - out) / batch_size
                d1 = (w12 @ d2) * relu2deriv(h)
                grad_12 += np.outer(h, d2)
                grad_01 += np.outer(x, d1)
            w12 += alpha * grad_12
            w01 += alpha * grad_01
        if it % log_every == 0 or it == iterations - 1:
            out = np.maximum(test_images @ w01, 0.0) @ w12
            history.append([it, total_error / len(images), total_correct / len(images),
                            float(((test_labels - out) ** 2).sum()) / len(test_images),
                            float((out.argmax(axis=1) == test_labels.argmax(axis=1)).mean())])
    return history, w01, w12
