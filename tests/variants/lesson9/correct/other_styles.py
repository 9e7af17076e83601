# Softmax row by row with plain loops, tanh from exponentials, derivatives written out,
# masks from a binomial draw, other parameter names, the history as an array.
import math


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid2deriv(s):
    return s - s * s


def tanh(z):
    z = np.clip(np.asarray(z, dtype=float), -350, 350)
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))


def tanh2deriv(t):
    return 1.0 - t * t


def softmax(scores):
    scores = np.asarray(scores, dtype=float)
    if scores.ndim == 1:
        return softmax(scores[None, :])[0]
    out = np.empty_like(scores)
    for r, row in enumerate(scores):
        top = max(row)
        exps = [math.exp(v - top) for v in row]
        total = sum(exps)
        out[r] = [e / total for e in exps]
    return out


def train_mnist_tanh_softmax(x, y, x_test, y_test, w01, w12, lr, epochs, batch_size=100, dropout_rng=None,
                             log_every=10):
    w01, w12 = w01.copy(), w12.copy()
    rows = []
    for epoch in range(epochs):
        err, good = 0.0, 0
        for b in range(len(x) // batch_size):
            l0 = x[b * batch_size:(b + 1) * batch_size]
            t = y[b * batch_size:(b + 1) * batch_size]
            l1 = np.tanh(l0 @ w01)
            if dropout_rng is not None:
                m = dropout_rng.binomial(1, 0.5, size=l1.shape)
                l1 = 2 * m * l1
            l2 = softmax(l1 @ w12)
            err += ((t - l2) ** 2).sum()
            good += (l2.argmax(1) == t.argmax(1)).sum()
            d2 = (t - l2) / (batch_size * batch_size)
            d1 = (d2 @ w12.T) * tanh2deriv(l1)
            if dropout_rng is not None:
                d1 = d1 * m
            w12 = w12 + lr * (l1.T @ d2)
            w01 = w01 + lr * (l0.T @ d1)
        if epoch % log_every == 0 or epoch == epochs - 1:
            out = softmax(np.tanh(x_test @ w01) @ w12)
            rows.append([epoch, err / len(x), good / len(x), ((y_test - out) ** 2).sum() / len(x_test),
                         (out.argmax(1) == y_test.argmax(1)).mean()])
    return np.array(rows).reshape(-1, 5), w01, w12
