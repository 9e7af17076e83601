# exercise: train_mnist
# misconception: lesson8.train_mnist.train_mnist_update_after_loop
# The dropout listing's dedent: the deltas and the update after the loop over the batches,
# so only the last batch of each iteration moves the weights. Written with @ and a
# running index instead of the listing's names.
def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                batch_size=1, dropout_rng=None, log_every=10):
    w01, w12 = weights_0_1.copy(), weights_1_2.copy()
    history = []
    n = (len(images) // batch_size) * batch_size
    for it in range(iterations):
        err, good = 0.0, 0
        for start in range(0, n, batch_size):
            x = images[start:start + batch_size]
            y = labels[start:start + batch_size]
            h = np.maximum(x @ w01, 0)
            if dropout_rng is not None:
                m = dropout_mask(h.shape, dropout_rng)
                h = dropout(h, m)
            out = h @ w12
            err += ((y - out) ** 2).sum()
            good += (out.argmax(axis=1) == y.argmax(axis=1)).sum()
        d2 = (y - out) / batch_size
        d1 = (d2 @ w12.T) * (h >= 0)
        if dropout_rng is not None:
            d1 = d1 * m
        w12 = w12 + alpha * h.T @ d2
        w01 = w01 + alpha * x.T @ d1
        if it % log_every == 0 or it == iterations - 1:
            test_out = np.maximum(test_images @ w01, 0) @ w12
            history.append((it, err / len(images), good / len(images),
                            ((test_labels - test_out) ** 2).sum() / len(test_images),
                            (test_out.argmax(axis=1) == test_labels.argmax(axis=1)).mean()))
    return history, w01, w12
