# NumPy throughout: @, other parameter names, arrays returned, 0/1 floats for the slope.
import numpy as np


def streetlight_one_light(x, target, w, lr, n_steps):
    w = w.copy()
    out = np.zeros((n_steps, 2))
    for step in range(n_steps):
        pred = x @ w
        out[step] = (pred - target) ** 2, pred
        w -= lr * (pred - target) * x
    return out


def streetlight_sgd(X, y, w, lr, epochs):
    w = w.astype(float)
    totals = np.zeros(epochs)
    for epoch in range(epochs):
        for row, target in zip(X, y):
            pred = row @ w
            totals[epoch] += (pred - target) ** 2
            w = w - lr * (pred - target) * row
    return totals


def relu(z):
    return np.where(z > 0, z, 0.0)


def relu2deriv(a):
    return (a > 0).astype(float)


def train_deep_network(X, y, W1, W2, lr, epochs):
    W1, W2 = W1.copy(), W2.copy()
    Y = y.reshape(-1, 1)
    history = np.zeros(epochs)
    for epoch in range(epochs):
        for k in range(X.shape[0]):
            a0 = X[k:k + 1]
            a1 = relu(a0 @ W1)
            a2 = a1 @ W2
            d2 = a2 - Y[k:k + 1]
            history[epoch] += float((d2 ** 2).sum())
            d1 = (d2 @ W2.T) * relu2deriv(a1)
            W2 = W2 - lr * a1.T @ d2
            W1 = W1 - lr * a0.T @ d1
    return history, W1, W2
