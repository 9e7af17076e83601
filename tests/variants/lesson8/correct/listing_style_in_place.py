# The course's own habits: relu2deriv written as `output >= 0` (1 for every ReLU output),
# updates in place on the caller's arrays, the mask drawn by comparing random numbers,
# a history kept as a NumPy array, other parameter names.
relu = lambda x: (x >= 0) * x
relu2deriv = lambda output: output >= 0


def dropout(hidden, keep):
    return np.multiply(hidden, keep) * 2.0


def dropout_mask(size, generator):
    return (generator.random(size) < 0.5).astype(np.int64)


def train_mnist(x, y, x_test, y_test, w01, w12, lr, epochs, batch_size=1, dropout_rng=None, log_every=10):
    rows = []
    n_batches = int(len(x) / batch_size)
    for epoch in range(epochs):
        error, correct = 0.0, 0
        for b in range(n_batches):
            layer_0 = x[b * batch_size:(b + 1) * batch_size]
            target = y[b * batch_size:(b + 1) * batch_size]
            layer_1 = relu(np.dot(layer_0, w01))
            if dropout_rng is not None:
                mask = dropout_mask(layer_1.shape, dropout_rng)
                layer_1 *= mask * 2
            layer_2 = np.dot(layer_1, w12)
            error += np.sum((target - layer_2) ** 2)
            for k in range(batch_size):
                correct += int(np.argmax(layer_2[k:k + 1]) == np.argmax(target[k:k + 1]))
            layer_2_delta = (target - layer_2) / batch_size
            layer_1_delta = layer_2_delta.dot(w12.T) * relu2deriv(layer_1)
            if dropout_rng is not None:
                layer_1_delta *= mask
            w12 += lr * layer_1.T.dot(layer_2_delta)
            w01 += lr * layer_0.T.dot(layer_1_delta)
        if epoch % log_every == 0 or epoch == epochs - 1:
            test_error, test_correct = 0.0, 0
            for i in range(len(x_test)):
                out = np.dot(relu(np.dot(x_test[i:i + 1], w01)), w12)
                test_error += np.sum((y_test[i:i + 1] - out) ** 2)
                test_correct += int(np.argmax(out) == np.argmax(y_test[i:i + 1]))
            rows.append([epoch, error / float(len(x)), correct / float(len(x)),
                         test_error / float(len(x_test)), test_correct / float(len(x_test))])
    return np.array(rows).reshape(-1, 5), w01, w12
