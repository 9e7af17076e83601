# exercise: train_mnist
# check: train_mnist_zero_iterations, train_mnist_zero_iterations
# A loop that runs at least once (a do-while): zero iterations still train one.
_train_at_least_once = train_mnist


def train_mnist(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha, iterations,
                *rest, **options):
    return _train_at_least_once(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                max(iterations, 1), *rest, **options)
