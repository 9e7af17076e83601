"""Grader of lesson 9 — activation functions.

The activations are compared with the course's traces and the reference; their
derivatives with finite differences of the activation (they take the activation's
output, as in the course); softmax must give rows that sum to one, over the right axis,
without overflowing. train_mnist_tanh_softmax trains on a few dozen MNIST test images
(a synthetic set of the same shapes when the MNIST files are not on this machine: the
check names say which) and is compared with the reference where the run is deterministic;
runs with dropout are checked by what must hold whatever masks the learner draws.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson9/wrong/)
fail it, which the kit's tests check.
"""

import math

import numpy as np
import pytest

from autograder.data import mnist
from autograder.grading import check
from autograder.grading.compare import close_enough, fmt

# check -> the slip it catches (variants proving it). Randomized checks listed here draw their
# values only: their shapes are fixed by their case lists.
FIXED_CASES = {
    "sigmoid_trace": "the exponent's minus sign lost (sigmoid_sign)",
    "sigmoid_squared_errors": "1 / 1 + exp(-x) without parentheses (sigmoid_no_parentheses)",
    "sigmoid2deriv_finite_differences": "the derivative taken of the input instead of the output "
                                        "(sigmoid2deriv_takes_input)",
    "sigmoid2deriv_at_half": "output * (1 + output) (sigmoid2deriv_plus)",
    "tanh_values": "tanh built from the sigmoid wrongly (tanh_from_sigmoid)",
    "tanh2deriv_finite_differences": "tanh applied again to an output already squashed "
                                     "(tanh2deriv_tanh_again)",
    "softmax_trace": "the sums taken along the wrong axis of a one-row input (softmax_axis_one)",
    "softmax_is_proportional_to_exp": "the same: each output not proportional to exp(x) (softmax_axis_one)",
    "softmax_large_inputs": "no max shift: exp overflows to NaN (softmax_no_max_shift)",
    "train_tanh_softmax_batches": "the delta divided by the batch size twice (squared) "
                                  "(train_delta_divided_once)",
    "train_tanh_softmax_per_image": "relu kept for the hidden layer (train_relu_hidden)",
    "train_tanh_softmax_zero_iterations": "a loop that trains at least once (zero iterations still train) "
                                          "(train_zero_iterations_trains_once)",
    "train_tanh_softmax_dropout_step": "the kept units not doubled (train_mask_without_double)",
    "train_tanh_softmax_dropout_not_in_test": "the test pass without softmax (train_test_without_softmax)",
}

SAMPLE = mnist.grading_sample(40, 40)
DATA = SAMPLE.kind
TOL = {"abs": 1e-9, "rel": 1e-7}
PARTS = ("history", "weights_0_1", "weights_1_2")
WHY_DATA = "Data: %s." % SAMPLE.description
H = 1e-6  # step of the finite differences


def initial_weights(hidden=16, seed=9):
    """Fixed initial weights, drawn the lesson-9 way (0.02 * random - 0.01, 0.2 * random - 0.1)."""
    rng = np.random.default_rng(seed)
    return 0.02 * rng.random((784, hidden)) - 0.01, 0.2 * rng.random((hidden, 10)) - 0.1


def _array(got):
    try:
        return np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------ sigmoid


@check("sigmoid", trace="L9.sigmoid-vs-softmax.sigmoid")
def test_sigmoid_trace(student, expect, trace):
    t = trace("L9.sigmoid-vs-softmax.sigmoid")
    raw = np.array(t.inputs["raw"])
    expect.close(student.sigmoid(raw), t.value, tol=t.tolerance,
                 slips=[(1 / (1 + np.exp(np.clip(raw, -700, 700))), "That is 1 / (1 + exp(x)): the exponent is -x.")])


@check("sigmoid", trace="L9.sigmoid-vs-softmax.sigmoid-mse")
def test_sigmoid_squared_errors(student, expect, trace):
    """The course's point: sigmoid outputs of a 'perfect' prediction still cost 2.25."""
    t = trace("L9.sigmoid-vs-softmax.sigmoid-mse")
    out = _array(student.sigmoid(np.array(t.inputs["raw"])))
    target = np.array(t.inputs["target"])
    got = [((out - target) ** 2).tolist(), float(np.sum((out - target) ** 2))] if out is not None and out.shape == target.shape else out
    expect.close(got, t.value, tol=t.tolerance, parts=("squared errors", "their sum"),
                 what="the squared errors (sigmoid(raw) - target) ** 2 of raw %s" % fmt(t.inputs["raw"]))


@pytest.mark.parametrize("case", range(2))
@check("sigmoid", randomized=True)
def test_sigmoid_random(student, expect, ref, rng, case):
    x = rng.uniform(-6, 6, [(3, 4), (7,)][case])
    expect.close(student.sigmoid(x), ref.sigmoid(x))


# ------------------------------------------------------------------ sigmoid2deriv


@pytest.mark.parametrize("case", range(2))
@check("sigmoid2deriv", rule="the slope of sigmoid, from its output (finite differences)")
def test_sigmoid2deriv_finite_differences(student, expect, ref, rng, case):
    x = rng.uniform(-4, 4, [(2, 5), (6,)][case])
    output = ref.sigmoid(x)
    slope = (ref.sigmoid(x + H) - ref.sigmoid(x - H)) / (2 * H)
    got = student.sigmoid2deriv(output)
    sig_out = 1 / (1 + np.exp(-output))
    expect.close(got, slope, tol={"abs": 1e-8}, what="sigmoid2deriv(sigmoid(x)) for x = %s" % fmt(x),
                 slips=[(sig_out * (1 - sig_out),
                         "That is sigmoid(output) * (1 - sigmoid(output)): sigmoid2deriv takes the sigmoid's "
                         "output, which is already squashed; the slope is output * (1 - output)."),
                        (output * (1 + output), "The slope is output * (1 - output), with a minus.")])


@check("sigmoid2deriv", rule="sigmoid2deriv(0.5) is 0.25, the slope at x = 0")
def test_sigmoid2deriv_at_half(student, expect):
    expect.close(student.sigmoid2deriv(np.array([0.5, 1.0, 0.0])), [0.25, 0.0, 0.0], slips=[
        ([0.2350037122015945, 0.19661193324148185, 0.25],
         "sigmoid2deriv takes the sigmoid's output, not its input: at output 0.5 the slope is 0.5 * (1 - 0.5).")])


# ------------------------------------------------------------------ tanh


@pytest.mark.parametrize("case", range(2))
@check("tanh", randomized=True)
def test_tanh_random(student, expect, ref, rng, case):
    x = rng.uniform(-3, 3, [(3, 4), (5,)][case])
    expect.close(student.tanh(x), ref.tanh(x))


@check("tanh", rule="tanh(0) = 0; tanh stays in (-1, 1)")
def test_tanh_values(student, expect):
    x = np.array([0.0, 20.0, -20.0, 0.65])
    expect.close(student.tanh(x), np.tanh(x))


# ------------------------------------------------------------------ tanh2deriv


@pytest.mark.parametrize("case", range(2))
@check("tanh2deriv", rule="the slope of tanh, from its output (finite differences)")
def test_tanh2deriv_finite_differences(student, expect, rng, case):
    x = rng.uniform(-2, 2, [(2, 5), (6,)][case])
    output = np.tanh(x)
    slope = (np.tanh(x + H) - np.tanh(x - H)) / (2 * H)
    expect.close(student.tanh2deriv(output), slope, tol={"abs": 1e-8},
                 what="tanh2deriv(tanh(x)) for x = %s" % fmt(x),
                 slips=[(1 - output, "That is one minus the output: the slope of tanh is one minus the square of "
                                     "the output."),
                        (1 - np.tanh(output) ** 2,
                         "That is tanh's slope at tanh's output: tanh2deriv takes tanh's output, which is "
                         "already squashed; the slope is one minus the square of that output.")])


# ------------------------------------------------------------------ softmax


@check("softmax", trace="L9.softmax.output")
def test_softmax_trace(student, expect, trace):
    t = trace("L9.softmax.output")
    expect.close(student.softmax(np.array(t.inputs["raw"])), t.value, tol=t.tolerance)


@check("softmax", trace="L9.softmax.exp")
def test_softmax_is_proportional_to_exp(student, expect, trace):
    """softmax(raw) is exp(raw) scaled: label 9 over label 0 is e^100 / e^0."""
    t = trace("L9.softmax.exp")
    out = _array(student.softmax(np.array(t.inputs["raw"])))
    expect.true(out is not None and out.shape == (10,) and out[0] > 0,
                "softmax(%s) returned %s, expected 10 positive numbers." % (fmt(t.inputs["raw"]), fmt(out)))
    got = [1.0, float(out[9] / out[0])]
    expect.close(got, t.value, tol=t.tolerance,
                 what="[1, softmax(raw)[9] / softmax(raw)[0]] (each output is exp(raw) divided by the same sum)")


@pytest.mark.parametrize("case", range(3))
@check("softmax", randomized=True)
def test_softmax_random_rows(student, expect, ref, rng, case):
    x = rng.uniform(-5, 5, [(3, 4), (5, 10), (1, 6)][case])
    got = student.softmax(x)
    column_wise = np.exp(x) / np.sum(np.exp(x), axis=0, keepdims=True)
    whole = np.exp(x) / np.sum(np.exp(x))
    expect.close(got, ref.softmax(x), slips=[
        (column_wise, "That is the softmax of each column (axis 0): each row (one per image) must sum to 1; "
                      "use axis=1 (or -1) with keepdims=True."),
        (whole, "That divides by the sum of the whole array: each row must be divided by its own sum "
                "(axis=1, keepdims=True)."),
    ])
    arr = _array(got)
    expect.true(arr is not None and np.allclose(arr.sum(axis=-1), 1.0),
                "the rows of softmax(%s) sum to %s, expected 1 each (catalogue)." % (fmt(x), fmt(arr.sum(axis=-1) if arr is not None else None)))


@check("softmax", rule="stable for large inputs: [[1000, 1000]] gives [[0.5, 0.5]]")
def test_softmax_large_inputs(student, expect):
    x = np.array([[1000.0, 1000.0], [1000.0, 0.0], [-1000.0, -1000.0]])
    got = student.softmax(x)
    arr = _array(got)
    if arr is not None and arr.shape == x.shape and not np.all(np.isfinite(arr)):
        expect.true(False, "softmax(%s) returned %s: NaN where exp overflowed (exp(1000) is inf, and "
                           "inf / inf is NaN; exp(-1000) is 0, and 0 / 0 is NaN too). Subtract each row's "
                           "largest value (keeping its axis) before the exponential; the result "
                           "does not change (catalogue: stable for large inputs)." % (fmt(x), fmt(arr)))
    expect.close(got, [[0.5, 0.5], [1.0, math.exp(-1000)], [0.5, 0.5]])


# ------------------------------------------------------------------ train_mnist_tanh_softmax


def _run(student, expect, ref, args, what, slips=()):
    got = student.train_mnist_tanh_softmax(*args)
    expect.close(got, ref.train_mnist_tanh_softmax(*args), tol=TOL, parts=PARTS, what=what, slips=slips)
    return got


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist_tanh_softmax", rule="batch training as the course's listing, compared with the reference")
def test_train_tanh_softmax_batches(student, expect, ref, data):
    w01, w12 = initial_weights()
    s = SAMPLE
    args = (s.images, s.labels, s.test_images, s.test_labels, w01, w12, 2.0, 4, 10, None, 3)
    once_divided = ref.train_mnist_tanh_softmax(*args[:6], 2.0 * 10, 4, 10, None, 3)
    _run(student, expect, ref, args,
         "train_mnist_tanh_softmax(%d images, ..., alpha=2, iterations=4, batch_size=10, log_every=3). %s"
         % (len(s.images), WHY_DATA),
         slips=[((None, once_divided[1], once_divided[2]),
                 "The course's listing divides layer_2_delta by batch_size * len(layer_2), the batch size "
                 "squared; this run divides by batch_size once.")])


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist_tanh_softmax", rule="one image per batch, compared with the reference")
def test_train_tanh_softmax_per_image(student, expect, ref, data):
    w01, w12 = initial_weights(seed=11)
    s = SAMPLE
    args = (s.images[:20], s.labels[:20], s.test_images, s.test_labels, w01, w12, 0.5, 2, 1, None, 1)
    _run(student, expect, ref, args,
         "train_mnist_tanh_softmax(20 images, ..., alpha=0.5, iterations=2, batch_size=1, log_every=1). %s"
         % WHY_DATA)


@check("train_mnist_tanh_softmax", rule="zero iterations: an empty history and the initial weights")
def test_train_tanh_softmax_zero_iterations(student, expect):
    w01, w12 = initial_weights(hidden=5)
    s = SAMPLE
    got = student.train_mnist_tanh_softmax(s.images[:4], s.labels[:4], s.test_images[:4], s.test_labels[:4],
                                           w01, w12, 1.0, 0, 2)
    expect.close(got, ([], w01, w12), parts=PARTS, what="train_mnist_tanh_softmax(4 images, ..., iterations=0)")


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist_tanh_softmax", rule="dropout switches off about half the hidden units, doubles the others")
def test_train_tanh_softmax_dropout_step(student, expect, ref, rng, data):
    s = SAMPLE
    hidden = 100
    pick = 1 + int(rng.integers(len(s.images) - 1))
    image, label = s.images[pick:pick + 1], s.labels[pick:pick + 1]
    w01 = np.random.default_rng(pick).uniform(0.001, 0.01, (784, hidden))  # every hidden unit active
    w12 = 0.2 * np.random.default_rng(pick + 1).random((hidden, 10)) - 0.1
    what = ("train_mnist_tanh_softmax(one image, ..., alpha=1, iterations=1, batch_size=1, dropout_rng=rng) "
            "with %d hidden units" % hidden)
    got = student.train_mnist_tanh_softmax(image, label, s.test_images, s.test_labels, w01, w12, 1.0, 1, 1,
                                           np.random.default_rng(int(rng.integers(2**31))), 1)
    expect.true(isinstance(got, (tuple, list)) and len(got) == 3,
                "%s returned %s, expected (history, weights_0_1, weights_1_2)." % (what, fmt(got)))
    new_w12 = _array(got[2])
    expect.true(new_w12 is not None and new_w12.shape == w12.shape,
                "%s returned weights_1_2 %s, expected shape %s." % (what, fmt(got[2]), w12.shape))
    kept = np.any(new_w12 != w12, axis=1)
    expect.true(0.2 <= float(np.mean(kept)) <= 0.8,
                "%s changed the outgoing weights of %d of its %d hidden units; with dropout about half of "
                "them are switched off (their layer_1 value is 0, so their weights do not move). Is a 0/1 "
                "mask with probability 1/2 drawn from dropout_rng and applied to layer_1?"
                % (what, int(kept.sum()), hidden))
    want = ref.train_mnist_tanh_softmax(image, label, s.test_images, s.test_labels, w01, w12, 1.0, 1, 1,
                                        mnist.FixedMasks(kept.astype(int)[None, :]), 1)
    expect.close(got, want, tol=TOL, parts=PARTS,
                 what="%s (its mask cannot be compared with the reference's, since a generator can be used in "
                      "many correct ways; so the %d hidden units it switched off were read from the weights it "
                      "left unchanged, and the step was recomputed with those units off)"
                      % (what, hidden - int(kept.sum())))


@pytest.mark.parametrize("data", [DATA])
@check("train_mnist_tanh_softmax", rule="dropout in training only: the test pass uses every hidden unit")
def test_train_tanh_softmax_dropout_not_in_test(student, expect, ref, rng, data):
    w01, w12 = initial_weights(hidden=24, seed=12)
    s = SAMPLE
    got = student.train_mnist_tanh_softmax(s.images, s.labels, s.test_images, s.test_labels, w01, w12, 0.0, 2,
                                           10, np.random.default_rng(int(rng.integers(2**31))), 1)
    plain = ref.train_mnist_tanh_softmax(s.images, s.labels, s.test_images, s.test_labels, w01, w12, 0.0, 2,
                                         10, None, 1)
    what = ("train_mnist_tanh_softmax(%d images, ..., alpha=0, iterations=2, batch_size=10, dropout_rng=rng): "
            "with alpha 0 nothing learns, so the weights stay as they were and the test columns equal those "
            "of a run without dropout, whatever masks are drawn. %s" % (len(s.images), WHY_DATA))
    expect.true(isinstance(got, (tuple, list)) and len(got) == 3,
                "train_mnist_tanh_softmax returned %s, expected (history, weights_0_1, weights_1_2)." % fmt(got))
    history = np.asarray(plain[0], dtype=float)
    got_history = _array(got[0])
    columns = got_history[:, [0, 3, 4]] if got_history is not None and got_history.ndim == 2 and \
        got_history.shape[1:] == (5,) else got[0]
    expect.close((columns, got[1], got[2]), (history[:, [0, 3, 4]], w01, w12), tol=TOL, parts=PARTS, what=what)
    expect.true(not close_enough(got_history[:, 1], history[:, 1], TOL),
                "%s But the train errors equal those of a run without dropout: is the mask applied to "
                "layer_1 during training?" % what)
