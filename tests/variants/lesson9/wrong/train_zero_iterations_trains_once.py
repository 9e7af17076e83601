# exercise: train_mnist_tanh_softmax
# check: train_tanh_softmax_zero_iterations, train_tanh_softmax_zero_iterations
# A loop that runs at least once (a do-while): zero iterations still train one.
_train_at_least_once = train_mnist_tanh_softmax


def train_mnist_tanh_softmax(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                             iterations, *rest, **options):
    return _train_at_least_once(images, labels, test_images, test_labels, weights_0_1, weights_1_2, alpha,
                                max(iterations, 1), *rest, **options)
