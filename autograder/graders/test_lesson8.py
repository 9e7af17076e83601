"""Grader of lesson 8 — regularization and batching.

dropout is compared with the reference on random layers and masks; dropout_mask is
checked by its properties (shape, 0/1 values, about half ones, drawn from the generator
given), since a generator can be used in many correct ways. train_mnist trains on a few
dozen MNIST test images for a few iterations from fixed weights (a synthetic set of the
same shapes when the MNIST files are not on this machine: the check names say which)
and is compared with the reference where the result is deterministic (no dropout, with
or without batches). Runs with dropout are checked by what must hold whatever masks the
learner draws: which hidden units a one-image step switched off is read from the weights
it changed, and the step is recomputed with those units off.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson8/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.data import mnist
from autograder.grading import check
from autograder.grading.compare import close_enough, fmt

# check -> the slip it catches (variants proving it). Randomized checks listed here draw their
# values only: their shapes are fixed by their case lists.
FIXED_CASES = {
    "dropout_zero_mask_and_full_mask": "the kept units not doubled, or halved (dropout_no_double, "
                                       "dropout_halved)",
    "dropout_mask_shape_and_values": "entries other than 0 and 1 (fractions, twos) (dropout_mask_fractions, "
                                     "dropout_mask_doubled)",
    "dropout_mask_keeps_half": "a keep-probability other than one half (dropout_mask_keep_prob)",
    "dropout_mask_uses_the_generator": "np.random's global state instead of the generator given "
                                       "(dropout_mask_global_random)",
    "train_mnist_per_image": "the last iteration's row missing from the history (train_no_last_row)",
    "train_mnist_batches": "the delta not divided by the batch size; an update per image "
                           "(train_batch_not_divided, train_update_per_item)",
    "train_mnist_zero_iterations": "a loop that trains at least once (zero iterations still train) "
                                   "(train_zero_iterations_trains_once)",
    "train_mnist_dropout_step": "the hidden delta not masked by the dropout mask (train_delta_without_mask)",
    "train_mnist_dropout_not_in_test": "dropout applied in the test pass too (train_test_with_dropout)",
}

SAMPLE = mnist.grading_sample(40, 40)
DATA = SAMPLE.kind  # "mnist" or "synthetic": part of the training checks' names
TOL = {"abs": 1e-9, "rel": 1e-7}  # other summation orders (loops, np.dot) stay far inside
PARTS = ("history", "weights_0_1", "weights_1_2")
WHY_DATA = "Data: %s." % SAMPLE.description


def initial_weights(hidden=16, seed=8):
    """Fixed initial weights, drawn the course's way (0.2 * random - 0.1)."""
    rng = np.random.default_rng(seed)
    return 0.2 * rng.random((784, hidden)) - 0.1, 0.2 * rng.random((hidden, 10)) - 0.1


def other_reading(images, labels, test_images, test_labels, w01, w12, alpha, iterations, batch_size,
                  log_every, gate="hidden"):
    """The run without dropout with another ReLU derivative: ``gate="hidden"`` is lesson 6's
    ``relu2deriv(layer_1) = layer_1 > 0`` instead of the listing's ``output >= 0`` (which
    is 1 for every ReLU output): accepted as well. ``gate="output"`` puts relu2deriv on the
    output layer's delta instead (a classic slip)."""
    w01, w12 = np.array(w01, dtype=float), np.array(w12, dtype=float)
    history = []
    for j in range(iterations):
        error, correct = 0.0, 0
        for i in range(len(images) // batch_size):
            layer_0 = images[i * batch_size:(i + 1) * batch_size]
            goal = labels[i * batch_size:(i + 1) * batch_size]
            layer_1 = np.maximum(layer_0.dot(w01), 0)
            layer_2 = layer_1.dot(w12)
            error += np.sum((goal - layer_2) ** 2)
            correct += int(np.sum(np.argmax(layer_2, 1) == np.argmax(goal, 1)))
            delta_2 = (goal - layer_2) / batch_size
            if gate == "output":
                delta_2 = delta_2 * (layer_2 > 0)
                delta_1 = delta_2.dot(w12.T)
            else:
                delta_1 = delta_2.dot(w12.T) * (layer_1 > 0)
            w12 += alpha * layer_1.T.dot(delta_2)
            w01 += alpha * layer_0.T.dot(delta_1)
        if j % log_every == 0 or j == iterations - 1:
            out = np.maximum(test_images.dot(w01), 0).dot(w12)
            history.append((j, error / len(images), correct / len(images),
                            np.sum((test_labels - out) ** 2) / len(test_images),
                            np.sum(np.argmax(out, 1) == np.argmax(test_labels, 1)) / len(test_images)))
    return history, w01, w12


def compare_run(student, expect, ref, args, slips=(), what=None):
    """Run train_mnist(*args) (no dropout) and compare with the reference (either
    relu2deriv reading: the listing's ``output >= 0`` or lesson 6's ``output > 0``)."""
    got = student.train_mnist(*args)
    want = ref.train_mnist(*args)
    batch_size, log_every = args[8] if len(args) > 8 else 1, args[10] if len(args) > 10 else 10
    alternative = other_reading(*args[:8], batch_size, log_every)
    if not _matches(got, want) and _matches(got, alternative):
        want = alternative
    history = list(want[0])
    iterations = args[7]
    common = [
        ((other_reading(*args[:8], batch_size, log_every, gate="output")[0], None, None),
         "That is relu2deriv applied to the output layer: the output has no activation, so "
         "layer_2_delta is (labels - layer_2) / batch_size, and relu2deriv(layer_1) belongs to layer_1_delta."),
    ]
    if history and (iterations - 1) % log_every:
        common.append(((history[:-1], want[1], want[2]),
                       "The last iteration's row is missing: log when j %% log_every == 0 and also when "
                       "j == iterations - 1 (iteration %d here)." % (iterations - 1)))
    expect.close(got, want, tol=TOL, parts=PARTS, slips=list(slips) + common, what=what)
    return got


def _matches(got, want):
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        return False
    return all(close_enough(g, w, TOL) for g, w in zip(got, want))


def per_item_update(images, labels, test_images, test_labels, w01, w12, alpha, iterations, batch_size, log_every):
    """The batch listing as the slide indents it: the update inside the per-image loop."""
    w01, w12 = np.array(w01, dtype=float), np.array(w12, dtype=float)
    for _ in range(iterations):
        for i in range(len(images) // batch_size):
            layer_0 = images[i * batch_size:(i + 1) * batch_size]
            goal = labels[i * batch_size:(i + 1) * batch_size]
            layer_1 = np.maximum(layer_0.dot(w01), 0)
            layer_2 = layer_1.dot(w12)
            for _k in range(batch_size):
                delta_2 = (goal - layer_2) / batch_size
                delta_1 = delta_2.dot(w12.T) * (layer_1 >= 0)
                w12 = w12 + alpha * layer_1.T.dot(delta_2)
                w01 = w01 + alpha * layer_0.T.dot(delta_1)
    return w01, w12


# ------------------------------------------------------------------ dropout


@pytest.mark.parametrize("case", range(3))
@check("dropout", randomized=True)
def test_dropout_random(student, expect, ref, rng, case):
    shape = [(4, 6), (1, 10), (3, 2)][case]
    layer = rng.uniform(0, 2, shape)
    mask = rng.integers(0, 2, shape)
    if case == 2:
        mask = mask.astype(float)  # a mask of 0.0/1.0 floats works the same
    expect.close(student.dropout(layer, mask), ref.dropout(layer, mask), slips=[
        (layer * mask, "That is layer * mask without the * 2: the kept units must be doubled, since half "
                       "of them are switched off on average."),
        (layer * 2, "The mask was not applied: the units where the mask is 0 must become 0."),
        (layer * mask * 0.5, "That halves the kept units; they must be doubled (* 2)."),
    ])


@check("dropout", rule="dropout(layer, mask) is layer * mask * 2, elementwise")
def test_dropout_zero_mask_and_full_mask(student, expect):
    layer = np.array([[0.25, 1.5, 3.0]])
    expect.close(student.dropout(layer, np.zeros((1, 3), dtype=int)), np.zeros((1, 3)),
                 what="dropout(%s, a mask of zeros)" % fmt(layer))
    expect.close(student.dropout(layer, np.ones((1, 3), dtype=int)), layer * 2,
                 what="dropout(%s, a mask of ones)" % fmt(layer))


# ------------------------------------------------------------------ dropout_mask


def _numbers(value):
    """``value`` as a float array, or an empty one when it is not numbers."""
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return np.zeros(0)


@pytest.mark.parametrize("shape", [(3, 5), (1, 40), (7,)])
@check("dropout_mask", rule="a 0/1 array of the shape asked for")
def test_dropout_mask_shape_and_values(student, expect, rng, shape):
    got = student.dropout_mask(shape, rng)
    arr = None
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        pass
    expect.true(arr is not None and arr.shape == tuple(shape),
                "dropout_mask(%s, rng) returned %s, expected an array of shape %s (catalogue: a mask of the "
                "shape asked for). Pass the shape as size=." % (shape, fmt(got), shape))
    bad = arr[(arr != 0) & (arr != 1)]
    expect.true(bad.size == 0, "dropout_mask(%s, rng) returned the value %s: every entry must be 0 or 1 "
                               "(catalogue): fractions are no mask; draw whole numbers, 0 or 1."
                % (shape, fmt(bad.ravel()[0]) if bad.size else ""))


@check("dropout_mask", rule="each entry is 1 with probability 1/2")
def test_dropout_mask_keeps_half(student, expect, rng):
    shape = (200, 100)
    got = student.dropout_mask(shape, rng)
    arr = _numbers(got)
    expect.true(arr.shape == shape, "dropout_mask(%s, rng) returned %s, expected an array of shape %s."
                % (shape, fmt(got), shape))
    share = float(np.mean(arr == 1))
    expect.true(0.48 <= share <= 0.52,
                "dropout_mask(%s, rng) set %.1f%% of its 20,000 entries to 1; each entry must be 1 with "
                "probability 1/2, so about 50%% (a fair draw lands between 48%% and 52%% "
                "with near certainty). Is the keep-probability something other than one half?" % (shape, 100 * share))


@check("dropout_mask", rule="drawn from the generator it is given")
def test_dropout_mask_uses_the_generator(student, expect, rng):
    shape = (10, 10)
    seed = int(rng.integers(2**31))
    first = student.dropout_mask(shape, np.random.default_rng(seed))
    again = student.dropout_mask(shape, np.random.default_rng(seed))
    other = student.dropout_mask(shape, np.random.default_rng(seed + 1))
    first, again, other = _numbers(first), _numbers(again), _numbers(other)
    expect.true(first.shape == shape, "dropout_mask(%s, rng) returned %s, expected an array of shape %s."
                % (shape, fmt(first), shape))
    expect.true(close_enough(first, again),
                "dropout_mask(%s, rng) gave two different masks for two generators in the same state: the "
                "mask must be drawn from rng (rng.integers, rng.random...), not from np.random's global "
                "functions, so that a run can be replayed." % (shape,))
    expect.true(not close_enough(first, other),
                "dropout_mask(%s, rng) gave the same mask for two different generators: it must be drawn "
                "at random from rng, not fixed." % (shape,))


# ------------------------------------------------------------------ train_mnist


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist", rule="per-image training as the course's listing, compared with the reference")
def test_train_mnist_per_image(student, expect, ref, data):
    w01, w12 = initial_weights()
    s = SAMPLE
    args = (s.images, s.labels, s.test_images, s.test_labels, w01, w12, 0.005, 4, 1, None, 2)
    compare_run(student, expect, ref, args,
                what="train_mnist(%d images, ..., alpha=0.005, iterations=4, batch_size=1, log_every=2) "
                     "(history rows at iterations 0, 2 and 3, the last). %s" % (len(s.images), WHY_DATA))


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist", rule="mini-batches: delta divided by batch_size, one update per batch")
def test_train_mnist_batches(student, expect, ref, data):
    w01, w12 = initial_weights(seed=9)
    s = SAMPLE
    args = (s.images, s.labels, s.test_images, s.test_labels, w01, w12, 0.05, 3, 10, None, 1)
    wrong_w01, wrong_w12 = per_item_update(*args[:9], 1)
    undivided = ref.train_mnist(*args[:6], 0.05 * 10, 3, 10, None, 1)
    compare_run(student, expect, ref, args,
                what="train_mnist(%d images, ..., alpha=0.05, iterations=3, batch_size=10, log_every=1). %s"
                     % (len(s.images), WHY_DATA),
                slips=[((None, wrong_w01, wrong_w12),
                        "The weights were updated once per image of the batch (the update is indented inside "
                        "the loop that counts correct answers, as on the course's slide): update once per "
                        "batch, after that loop."),
                       ((None, undivided[1], undivided[2]),
                        "The deltas were not divided by the batch size: layer_2_delta = (labels - layer_2) "
                        "/ batch_size, so a batch's update is the average over its images.")])


@check("train_mnist", rule="zero iterations: an empty history and the initial weights")
def test_train_mnist_zero_iterations(student, expect):
    w01, w12 = initial_weights(hidden=5)
    s = SAMPLE
    got = student.train_mnist(s.images[:4], s.labels[:4], s.test_images[:4], s.test_labels[:4], w01, w12,
                              0.1, 0)
    expect.close(got, ([], w01, w12), parts=PARTS, what="train_mnist(4 images, ..., iterations=0)")


def _one_image_dropout_step(student, expect, ref, train, rng, hidden):
    """Train one iteration on one image with dropout; infer the mask from the weights."""
    s = SAMPLE
    pick = 1 + int(rng.integers(len(s.images) - 1))
    image, label = s.images[pick:pick + 1], s.labels[pick:pick + 1]
    w01 = np.random.default_rng(pick).uniform(0.01, 0.1, (784, hidden))  # every hidden unit active
    w12 = 0.2 * np.random.default_rng(pick + 1).random((hidden, 10)) - 0.1
    alpha = 0.01
    got = getattr(student, train)(image, label, s.test_images, s.test_labels, w01, w12, alpha, 1, 1,
                                  np.random.default_rng(int(rng.integers(2**31))), 1)
    what = "%s(one image, ..., alpha=0.01, iterations=1, batch_size=1, dropout_rng=rng) with %d hidden units" % (
        train, hidden)
    expect.true(isinstance(got, (tuple, list)) and len(got) == 3,
                "%s returned %s, expected (history, weights_0_1, weights_1_2)." % (what, fmt(got)))
    try:
        new_w12 = np.asarray(got[2], dtype=float)
    except (TypeError, ValueError):
        new_w12 = np.zeros(0)
    expect.true(new_w12.shape == w12.shape, "%s returned weights_1_2 %s, expected an array of shape %s."
                % (what, fmt(got[2]), w12.shape))
    kept = np.any(new_w12 != w12, axis=1)
    share = float(np.mean(kept))
    expect.true(0.2 <= share <= 0.8,
                "%s changed the outgoing weights of %d of its %d hidden units; with dropout about half of "
                "them are switched off for the image (their layer_1 value is 0, so their weights do not "
                "move) and the other half learn. Are the masks drawn with probability 1/2 and applied to "
                "layer_1?" % (what, int(kept.sum()), hidden))
    mask = kept.astype(int)[None, :]
    want = getattr(ref, train)(image, label, s.test_images, s.test_labels, w01, w12, alpha, 1, 1,
                               mnist.FixedMasks(mask), 1)
    expect.close(got, want, tol=TOL, parts=PARTS,
                 what="%s (its mask cannot be compared with the reference's, since a generator can be used in "
                      "many correct ways; so the %d hidden units it switched off were read from the weights it "
                      "left unchanged, and the step was recomputed with those units off)"
                      % (what, hidden - int(kept.sum())))
    return got


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist", rule="dropout switches off about half the hidden units, doubles the others")
def test_train_mnist_dropout_step(student, expect, ref, rng, data):
    _one_image_dropout_step(student, expect, ref, "train_mnist", rng, 100)


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist", rule="dropout in training only: the test pass uses every hidden unit")
def test_train_mnist_dropout_not_in_test(student, expect, ref, rng, data):
    w01, w12 = initial_weights(hidden=24, seed=10)
    s = SAMPLE
    got = student.train_mnist(s.images, s.labels, s.test_images, s.test_labels, w01, w12, 0.0, 2, 1,
                              np.random.default_rng(int(rng.integers(2**31))), 1)
    plain = ref.train_mnist(s.images, s.labels, s.test_images, s.test_labels, w01, w12, 0.0, 2, 1, None, 1)
    what = ("train_mnist(%d images, ..., alpha=0, iterations=2, dropout_rng=rng): with alpha 0 nothing "
            "learns, so the weights stay as they were and the test columns equal those of a run without "
            "dropout, whatever masks are drawn. %s" % (len(s.images), WHY_DATA))
    history = np.asarray(plain[0], dtype=float)
    expect.true(isinstance(got, (tuple, list)) and len(got) == 3,
                "train_mnist returned %s, expected (history, weights_0_1, weights_1_2)." % fmt(got))
    try:
        got_history = np.asarray(got[0], dtype=float)
    except (TypeError, ValueError):
        got_history = np.zeros(0)  # not numbers: the comparison below says so
    expect.close((got_history[:, [0, 3, 4]] if got_history.ndim == 2 and got_history.shape[1:] == (5,)
                  else got[0], got[1], got[2]),
                 (history[:, [0, 3, 4]], w01, w12), tol=TOL, parts=PARTS, what=what)
    expect.true(not close_enough(got_history[:, 1], history[:, 1], TOL),
                "%s But the train errors equal those of a run without dropout: is the mask applied to "
                "layer_1 during training?" % what)
