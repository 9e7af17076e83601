"""Grader of the single sigmoid neuron ("How to Make a Neural Network").

The video's run (starting weights from ``np.random.seed(1)``, 10,000 iterations, the
prediction for [1, 0, 0]) and fresh randomized cases compared with the reference. The
starting weights are drawn here with ``np.random.RandomState(1)``, which gives the same
numbers as the video's ``np.random.seed(1)`` without touching NumPy's global state.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/neuron/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.grading import StudentProblem, check

# check -> the slip it catches (variants proving it). Randomized checks listed here draw their
# values only: their shapes are fixed by their case lists.
FIXED_CASES = {
    "think_video_prediction": "the weighted sum without the sigmoid (think_no_sigmoid)",
    "train_neuron_zero_iterations_keeps_start_weights": "a loop that trains once when asked for none "
                                                        "(train_neuron_one_iteration)",
    "train_neuron_video_run": "the sigmoid's slope left out of the update; the error reversed "
                              "(train_neuron_no_slope, train_neuron_error_reversed)",
}

RANDOM_CASES = range(3)

VIDEO_INPUTS = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], dtype=float)
VIDEO_OUTPUTS = np.array([[0, 1, 1, 0]], dtype=float).T


def video_start_weights():
    """``np.random.seed(1); 2 * np.random.random((3, 1)) - 1``, from a private generator."""
    return 2 * np.random.RandomState(1).random_sample((3, 1)) - 1


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _slips(inputs, outputs, weights, iterations):
    """What classic slips of the training loop return, with the sentence that explains each."""
    def run(step):
        w = np.array(weights, dtype=float)
        for _ in range(iterations):
            w = step(w)
        return w

    def subtract(w):
        out = _sigmoid(inputs @ w)
        return w - inputs.T @ ((outputs - out) * out * (1 - out))

    def no_slope(w):
        out = _sigmoid(inputs @ w)
        return w + inputs.T @ (outputs - out)

    def slope_of_input(w):
        s = inputs @ w
        out = _sigmoid(s)
        return w + inputs.T @ ((outputs - out) * s * (1 - s))

    found = [
        (run(subtract), "The weights moved the wrong way: the adjustment inputs.T @ (error * output * "
                        "(1 - output)) is added, with error = outputs - output."),
        (run(no_slope), "The error was not multiplied by the slope of the sigmoid, output * (1 - output)."),
        (run(slope_of_input), "The slope output * (1 - output) must use the sigmoid's output, not the "
                              "weighted sum before it."),
    ]
    if iterations > 1:
        found.append((np.array(weights) + inputs.T @ ((outputs - _sigmoid(inputs @ weights))
                      * _sigmoid(inputs @ weights) * (1 - _sigmoid(inputs @ weights))),
                      "That is the result of one iteration: repeat the update `iterations` times."))
    return found


# ------------------------------------------------------------------ think


@check("think", trace="N.predict-100")
def test_think_video_prediction(student, expect, trace):
    t = trace("N.predict-100")
    trained = np.array(trace("N.trained-weights").value)
    got = student.think(np.array(t.inputs["input"], dtype=float), trained)
    expect.close(got, t.value, tol=t.tolerance,
                 what="think([1, 0, 0], trained weights of trace N.trained-weights)")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("think", randomized=True)
def test_think_random(student, expect, ref, rng, case):
    n, k = [(5, 3), (1, 4), (8, 2)][case]
    inputs = rng.integers(0, 2, (n, k)).astype(float) if case != 1 else rng.uniform(-2, 2, k)
    weights = rng.uniform(-3, 3, (k, 1))
    try:
        got = student.think(inputs, weights)
    except StudentProblem as problem:
        problem.explain("Here inputs has shape %s and weights %s." % (inputs.shape, weights.shape))
        raise
    want = ref.think(inputs, weights)
    expect.close(got, want, slips=[(inputs @ weights, "That is the weighted sum before the sigmoid: "
                                                      "squash it with the sigmoid.")])


# ------------------------------------------------------------------ train_neuron


@check("train_neuron", trace="N.init-weights")
def test_train_neuron_zero_iterations_keeps_start_weights(student, expect, trace):
    t = trace("N.init-weights")
    start = video_start_weights()
    got = student.train_neuron(VIDEO_INPUTS, VIDEO_OUTPUTS, start, 0)
    expect.close(got, t.value, tol=t.tolerance,
                 what="train_neuron(video inputs, video outputs, np.random.seed(1) weights, 0)")


@check("train_neuron", trace="N.trained-weights")
def test_train_neuron_video_run(student, expect, trace):
    t = trace("N.trained-weights")
    start = video_start_weights()
    got = student.train_neuron(np.array(t.inputs["X"], dtype=float), np.array([t.inputs["y"]], dtype=float).T,
                               start, t.inputs["iterations"])
    expect.close(got, t.value, tol=t.tolerance,
                 what="train_neuron(video inputs, video outputs, np.random.seed(1) weights, 10000)",
                 slips=_slips(VIDEO_INPUTS, VIDEO_OUTPUTS, start, 10000)[:3])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("train_neuron", randomized=True)
def test_train_neuron_random(student, expect, ref, rng, case):
    n, k, iterations = [(6, 3, 7), (4, 2, 1), (8, 4, 60)][case]
    inputs = rng.integers(0, 2, (n, k)).astype(float)
    outputs = rng.integers(0, 2, (n, 1)).astype(float)
    weights = rng.uniform(-1, 1, (k, 1))
    try:
        got = student.train_neuron(inputs, outputs, weights, iterations)
    except StudentProblem as problem:
        problem.explain("Here there are %d examples of %d inputs and %d iteration%s."
                        % (n, k, iterations, "" if iterations == 1 else "s"))
        raise
    expect.close(got, ref.train_neuron(inputs, outputs, weights, iterations),
                 slips=_slips(inputs, outputs, weights, iterations))
