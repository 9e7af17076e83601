# exercise: train_mnist_tanh_softmax
# misconception: lesson9.train_mnist_tanh_softmax.train_update_after_loop
# The listing as the slide lays it out: the deltas and the update dedented out of the
# loop over the batches. Written with @ and short names.
def train_mnist_tanh_softmax(x, y, x_test, y_test, w01, w12, lr, epochs, batch_size=100, dropout_rng=None,
                             log_every=10):
    w01, w12 = np.array(w01, dtype=float), np.array(w12, dtype=float)
    rows = []
    for epoch in range(epochs):
        err, good = 0.0, 0
        for b in range(len(x) // batch_size):
            l0 = x[b * batch_size:(b + 1) * batch_size]
            t = y[b * batch_size:(b + 1) * batch_size]
            l1 = np.tanh(l0 @ w01)
            if dropout_rng is not None:
                m = dropout_rng.integers(0, 2, size=l1.shape)
                l1 = l1 * m * 2
            l2 = softmax(l1 @ w12)
            err += ((t - l2) ** 2).sum()
            good += (l2.argmax(1) == t.argmax(1)).sum()
        d2 = (t - l2) / (batch_size * len(l2))
        d1 = (d2 @ w12.T) * (1 - l1 ** 2)
        if dropout_rng is not None:
            d1 = d1 * m
        w12 = w12 + lr * (l1.T @ d2)
        w01 = w01 + lr * (l0.T @ d1)
        if epoch % log_every == 0 or epoch == epochs - 1:
            out = softmax(np.tanh(x_test @ w01) @ w12)
            rows.append([epoch, err / len(x), good / len(x), ((y_test - out) ** 2).sum() / len(x_test),
                         (out.argmax(1) == y_test.argmax(1)).mean()])
    return rows, w01, w12
