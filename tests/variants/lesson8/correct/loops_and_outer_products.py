# Explicit loops over the images of a batch, outer products summed by hand, the true ReLU
# derivative (output > 0), a binomial mask, a list of lists as history.
def dropout(layer, mask):
    return 2 * (np.asarray(layer, dtype=float) * np.asarray(mask, dtype=float))


def dropout_mask(shape, rng):
    return rng.binomial(1, 0.5, size=shape)


def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                batch_size=1, dropout_rng=None, log_every=10):
    w01 = weights_0_1.copy()
    w12 = weights_1_2.copy()
    history = []
    for it in range(iterations):
        total_error, total_correct = 0.0, 0
        for start in range(0, (len(images) // batch_size) * batch_size, batch_size):
            grad_01 = np.zeros_like(w01)
            grad_12 = np.zeros_like(w12)
            hidden = np.maximum(images[start:start + batch_size] @ w01, 0.0)
            if dropout_rng is not None:
                mask = dropout_mask(hidden.shape, dropout_rng)
                hidden = dropout(hidden, mask)
            for k in range(batch_size):
                x = images[start + k]
                h = hidden[k]
                out = h @ w12
                goal = labels[start + k]
                total_error += float(np.sum((goal - out) ** 2))
                total_correct += int(out.argmax() == goal.argmax())
                d2 = (goal - out) / batch_size
                d1 = (w12 @ d2) * (h > 0)
                if dropout_rng is not None:
                    d1 = d1 * mask[k]
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
