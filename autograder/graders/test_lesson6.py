"""Grader of lesson 6 — backpropagation.

Each test is one check of one exercise (see ``autograder.grading.plugin``): the course's
traces with their printed precision, fresh randomized cases compared with the reference
solution, and the catalogue's rules. From this lesson on, inputs are float arrays (goals
of a single output flat, shape (n,)).

The course's seed-1 weights are built here with ``np.random.RandomState(1)`` (the stream
of ``np.random.seed(1)``), never with the grading process's global generator. Traces the
learner's functions do not return directly (the streetlight run's predictions and final
weights) are checked through what they do return: a prefix of the rows gives the running
total of the first pass, and a probe row after the 40 passes measures a final weight.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson6/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.grading import StudentProblem, check
from autograder.grading.compare import fmt

# check -> the slip it catches (variants proving it). Randomized checks listed here draw their
# values only: their shapes are fixed by their case lists.
FIXED_CASES = {
    "streetlight_one_light_trace": "the (error, prediction) pair measured after the update "
                                   "(one_light_measured_after_update)",
    "streetlight_one_light_edge_case": "a loop one iteration short (one_light_off_by_one)",
    "streetlight_sgd_trace": "the total error never reset between iterations (sgd_total_never_reset)",
    "streetlight_sgd_first_pass": "one update per pass over all the patterns, not one per pattern "
                                  "(sgd_full_batch)",
    "streetlight_sgd_last_pass": "the update dedented out of the pattern loop (sgd_update_dedented)",
    "streetlight_sgd_final_weights": "a loop over a fixed six rows (sgd_six_rows)",
    "relu_hidden_layer": "the absolute value; Python's max(), which cannot take an array (relu_abs, "
                         "relu_python_max)",
    "relu2deriv_backprop": "output >= 0, which counts a unit at exactly 0 as active (relu2deriv_at_zero)",
    "train_deep_network_no_iterations": "one iteration too many (deep_off_by_one)",
    "train_deep_network_first_error": "the hidden layer without relu (deep_no_relu)",
    "train_deep_network_errors": "the update dedented out of the pattern loop (deep_update_dedented)",
    "train_deep_network_one_step": "relu2deriv forgotten; the slide's transposed update "
                                   "(deep_forgets_relu2deriv, deep_transposed_update)",
}

RANDOM_CASES = range(3)
TOL = {"abs": 1e-10, "rel": 1e-9}  # a loop and a NumPy implementation agree far closer
DEEP_PARTS = ("errors", "weights_0_1", "weights_1_2")


def seed1_weights(n_inputs, hidden_size):
    """The course's ``np.random.seed(1)`` weights, from a private generator."""
    stream = np.random.RandomState(1)
    weights_0_1 = 2 * stream.random_sample((n_inputs, hidden_size)) - 1
    weights_1_2 = 2 * stream.random_sample((hidden_size, 1)) - 1
    return weights_0_1, weights_1_2


def streetlight_run(trace):
    """``(streetlights, walk_vs_stop, weights, alpha, iterations)`` of the 40-iteration run."""
    t = trace("L6.streetlight.sgd-40.errors").inputs
    return (np.array(t["streetlights"], dtype=float), np.array(t["walk_vs_stop"], dtype=float),
            np.array(t["weights"], dtype=float), float(t["alpha"]), int(t["iterations"]))


def deep_run(trace):
    """``(streetlights, walk_vs_stop, alpha, iterations)`` of the 60-iteration deep run."""
    t = trace("L6.deepnet.errors-60").inputs
    return (np.array(t["streetlights"], dtype=float), np.array(t["walk_vs_stop"], dtype=float),
            float(t["alpha"]), int(t["iterations"]))


# ------------------------------------------------------ classic slips, for the messages


def sgd_slip(lights, goals, weights, alpha, iterations, mode):
    """What a classic mistake of streetlight_sgd returns: ``after`` measures each error
    after its row's update; ``dedented`` updates once per iteration with the last row."""
    weights = np.array(weights, dtype=float)
    totals = []
    for _ in range(iterations):
        total = 0.0
        for x, goal in zip(lights, goals):
            prediction = x.dot(weights)
            delta = prediction - goal
            if mode == "after":
                weights = weights - alpha * x * delta
                total += (goal - x.dot(weights)) ** 2
            else:
                total += (goal - prediction) ** 2
        if mode == "dedented":
            weights = weights - alpha * x * delta
        totals.append(float(total))
    return totals


def deep_slip(inputs, goals, weights_0_1, weights_1_2, alpha, iterations, mode):
    """What a classic mistake of train_deep_network returns: ``dedented`` (the slide bug:
    one update per iteration, from the last pattern), ``order`` (weights_1_2 updated
    before layer_1_delta is computed), ``after`` (error measured after the update),
    ``transposed`` (weights_0_1 updated with layer_1_delta.T.dot(layer_0), square only)."""
    goals = np.asarray(goals, dtype=float).reshape(len(inputs), -1)
    w01, w12 = np.array(weights_0_1, dtype=float), np.array(weights_1_2, dtype=float)
    errors = []

    def update(layer_0, layer_1, layer_2, goal):
        nonlocal w01, w12
        d2 = layer_2 - goal
        if mode == "order":
            w12 = w12 - alpha * layer_1.T.dot(d2)
        d1 = d2.dot(w12.T) * (layer_1 > 0)
        if mode != "order":
            w12 = w12 - alpha * layer_1.T.dot(d2)
        w01 = w01 - alpha * (d1.T.dot(layer_0) if mode == "transposed" else layer_0.T.dot(d1))

    for _ in range(iterations):
        total = 0.0
        for i in range(len(inputs)):
            layer_0 = inputs[i:i + 1]
            layer_1 = np.maximum(layer_0.dot(w01), 0)
            layer_2 = layer_1.dot(w12)
            if mode == "after":
                update(layer_0, layer_1, layer_2, goals[i:i + 1])
                layer_2 = np.maximum(layer_0.dot(w01), 0).dot(w12)
            total += float(np.sum((layer_2 - goals[i:i + 1]) ** 2))
            if mode not in ("after", "dedented"):
                update(layer_0, layer_1, layer_2, goals[i:i + 1])
        if mode == "dedented":
            update(layer_0, layer_1, layer_2, goals[i:i + 1])
        errors.append(total)
    return errors, w01, w12


DEDENTED = ("Those are the errors of the 'Putting it all together' slide run as printed "
            "(1.36242402517 every time): its delta and update lines are dedented out of the "
            "pattern loop, so only the last pattern ever updates the weights. Compute the deltas "
            "and update the weights inside `for i in range(len(inputs))`.")
ORDER = ("That is what happens when weights_1_2 is updated before layer_1_delta is computed: "
         "backpropagate layer_2_delta through the weights that made the prediction, then update both.")
AFTER = ("Those errors are measured after each update: add a pattern's error to the total "
         "before you change the weights.")
SHAPES = ("Keep every layer a row, as the course does: one pattern's layer_0 has shape (1, n) (a "
          "slice of one row keeps both axes; indexing the row makes it flat), and each weight update is "
          "the earlier layer transposed times the later delta, which has the shape of the weights it changes.")


LOOP = ("Here inputs has %d row%s: an index past the last row means the loop over the patterns "
        "runs further than there are patterns (its bound must be the number of rows).")


def train(student, *args):
    """``student.train_deep_network(*args)``, naming the likely cause of a shape or index error."""
    try:
        return student.train_deep_network(*args)
    except StudentProblem as problem:
        rows = len(args[0])
        if problem.kind == "IndexError" and "out of" in problem.message:
            problem.explain(LOOP % (rows, "" if rows == 1 else "s"))
        elif any(word in problem.message for word in ("shape", "align", "broadcast")) and "(0," not in problem.message:
            problem.explain(SHAPES)
        raise


# ------------------------------------------------------------------ streetlight_one_light


@check("streetlight_one_light", trace="L6.streetlight.single-row-20")
def test_streetlight_one_light_trace(student, expect, ref, trace):
    t = trace("L6.streetlight.single-row-20")
    i = t.inputs
    x, weights = np.array(i["input"], dtype=float), np.array(i["weights"], dtype=float)
    goal, alpha, n = float(i["goal_prediction"]), float(i["alpha"]), int(i["iterations"])
    got = student.streetlight_one_light(x, goal, weights, alpha, n)
    after = ref.streetlight_one_light(x, goal, weights, alpha, n + 1)
    expect.close(got, t.value, tol=t.tolerance, slips=[
        (after[1:], "Those are the pairs measured after each update: record (error, prediction) "
                    "before you change the weights."),
        (ref.streetlight_one_light(x, goal, weights, 1.0, n),
         "That run ignores alpha: the update is alpha * (input * delta)."),
    ])


@check("streetlight_one_light", trace="L6.overfitting.edge-case")
def test_streetlight_one_light_edge_case(student, expect, trace):
    """The course's edge case: a prediction of 0 for [1, 0, 1] leaves nothing to learn."""
    t = trace("L6.overfitting.edge-case")
    x, weights = np.array(t.inputs["input"], dtype=float), np.array(t.inputs["weights"], dtype=float)
    got = student.streetlight_one_light(x, 0.0, weights, 0.1, 3)
    expect.close(got, [((0.0 - t.value) ** 2, t.value)] * 3, tol=t.tolerance,
                 what="streetlight_one_light([1, 0, 1], 0, [0.5, 0, -0.5], 0.1, 3) (prediction 0, "
                      "so error and delta are 0 and the weights never move)")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("streetlight_one_light", randomized=True)
def test_streetlight_one_light_random(student, expect, ref, rng, case):
    n = int(rng.integers(2, 6))
    x, weights = rng.uniform(-1, 1, n), rng.uniform(-1, 1, n)
    goal, alpha = float(rng.uniform(-1, 1)), float(rng.uniform(0.01, 0.3))
    iterations = [int(rng.integers(1, 31)), 0, int(rng.integers(1, 31))][case]
    got = student.streetlight_one_light(x, goal, weights, alpha, iterations)
    expect.close(got, ref.streetlight_one_light(x, goal, weights, alpha, iterations), tol=TOL, slips=[
        (ref.streetlight_one_light(x, goal, weights, alpha, iterations + 1), "That is one iteration too many."),
        (ref.streetlight_one_light(x, goal, weights, alpha, max(iterations - 1, 0)), "That is one iteration too few."),
    ])


# ------------------------------------------------------------------ streetlight_sgd


@check("streetlight_sgd", trace="L6.streetlight.sgd-40.errors")
def test_streetlight_sgd_trace(student, expect, trace):
    t = trace("L6.streetlight.sgd-40.errors")
    run = streetlight_run(trace)
    expect.close(student.streetlight_sgd(*run), t.value, tol=t.tolerance, slips=[
        (sgd_slip(*run, mode="after"), AFTER),
        (sgd_slip(*run, mode="dedented"),
         "That is one update per iteration, from the last row only: the update must sit inside "
         "the row loop (stochastic gradient descent updates after every row)."),
    ])


@check("streetlight_sgd", trace="L6.streetlight.sgd-40.predictions")
def test_streetlight_sgd_first_pass(student, expect, trace):
    """The running total of the first pass: each row's error (goal - prediction) ** 2 with the
    course's predictions, measured before that row's update."""
    t = trace("L6.streetlight.sgd-40.predictions")
    lights, goals, weights, alpha, _ = streetlight_run(trace)
    predictions = np.array(t.value[0])
    want = [[total] for total in np.cumsum((goals - predictions) ** 2)]
    got = []
    for k in range(1, len(goals) + 1):
        try:
            got.append(student.streetlight_sgd(lights[:k], goals[:k], weights, alpha, 1))
        except StudentProblem as problem:
            problem.explain("This call has %d row%s: loop over every row (len(walk_vs_stop)), not a "
                            "fixed six." % (k, "" if k == 1 else "s"))
            raise
    expect.close(got, want, tol=t.tolerance,
                 what="streetlight_sgd(streetlights[:k], walk_vs_stop[:k], [0.5, 0.48, -0.7], 0.1, 1) "
                      "for k = 1..6 (the first pass, whose predictions are -0.2, -0.2, -0.56, 0.616, "
                      "0.1728, 0.17552)",
                 slips=[([sgd_slip(lights[:k], goals[:k], weights, alpha, 1, "after") for k in range(1, 7)], AFTER)])


@check("streetlight_sgd", trace="L6.streetlight.sgd-40.predictions")
def test_streetlight_sgd_last_pass(student, expect, trace):
    """The 40th pass, row by row: 39 passes over the six rows, then the first k rows, as one
    long iteration; the total grows by each row's error with the course's last predictions."""
    t = trace("L6.streetlight.sgd-40.predictions")
    lights, goals, weights, alpha, iterations = streetlight_run(trace)
    earlier = float(np.sum(trace("L6.streetlight.sgd-40.errors").value[:iterations - 1]))
    predictions = np.array(t.value[-1])
    want = [[earlier + total] for total in np.cumsum((goals - predictions) ** 2)]
    got = []
    for k in range(1, len(goals) + 1):
        rows = np.concatenate([np.tile(lights, (iterations - 1, 1)), lights[:k]])
        targets = np.concatenate([np.tile(goals, iterations - 1), goals[:k]])
        got.append(student.streetlight_sgd(rows, targets, weights, alpha, 1))
    expect.close(got, want, tol=t.tolerance,
                 what="streetlight_sgd on the six rows repeated 39 times followed by the first k rows "
                      "(k = 1..6), 1 iteration (the 40th pass, whose predictions approach 0, 1, 0, 1, 1, 0)")


@check("streetlight_sgd", trace="L6.streetlight.sgd-40.final-weights")
def test_streetlight_sgd_final_weights(student, expect, trace):
    """After the 40 passes, a probe row [1, 0, 0] with goal 0 predicts the first weight, so its
    error is that weight squared (and likewise for the other two)."""
    t = trace("L6.streetlight.sgd-40.final-weights")
    lights, goals, weights, alpha, iterations = streetlight_run(trace)
    earlier = float(np.sum(trace("L6.streetlight.sgd-40.errors").value))
    got, want = [], []
    for i, weight in enumerate(t.value):
        probe = np.eye(3)[i:i + 1]
        rows = np.concatenate([np.tile(lights, (iterations, 1)), probe])
        targets = np.concatenate([np.tile(goals, iterations), [0.0]])
        got.append(student.streetlight_sgd(rows, targets, weights, alpha, 1))
        want.append([earlier + weight ** 2])
    expect.close(got, want, tol=t.tolerance,
                 what="streetlight_sgd on the six rows repeated 40 times followed by one probe row "
                      "([1, 0, 0], then [0, 1, 0], then [0, 0, 1]) with goal 0, 1 iteration (the probe "
                      "adds the final weight squared: final weights ~[0.0139, 1.0138, -0.0160])")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("streetlight_sgd", randomized=True)
def test_streetlight_sgd_random(student, expect, ref, rng, case):
    rows, n = int(rng.integers(2, 9)), int(rng.integers(2, 6))
    lights, goals = rng.uniform(0, 1, (rows, n)), rng.uniform(0, 1, rows)
    weights, alpha = rng.uniform(-1, 1, n), float(rng.uniform(0.01, 0.2))
    iterations = [int(rng.integers(1, 31)), int(rng.integers(1, 31)), 0][case]
    run = (lights, goals, weights, alpha, iterations)
    try:
        got = student.streetlight_sgd(*run)
    except StudentProblem as problem:
        problem.explain("This case has %d rows of %d lights: loop over every row (len(walk_vs_stop)) "
                        "and assume nothing of six rows or three lights." % (rows, n))
        raise
    expect.close(got, ref.streetlight_sgd(*run), tol=TOL, slips=[
        (sgd_slip(*run, mode="after"), AFTER),
        (ref.streetlight_sgd(lights, goals, weights, alpha, iterations + 1), "That is one iteration too many."),
        (ref.streetlight_sgd(lights, goals, weights, alpha, max(iterations - 1, 0)), "That is one iteration too few."),
    ])


# ------------------------------------------------------------------ relu


def elementwise(student, name, x):
    """``student.<name>(x)`` for relu and relu2deriv, explaining a Python ``if`` on an array."""
    try:
        return student.call(name, x)
    except StudentProblem as problem:
        if "truth value" in problem.message:
            problem.explain("The argument is a NumPy array: Python's max(x, 0) or an `if x > 0:` cannot "
                            "decide for a whole array at once. Compare the whole array instead: "
                            "np.maximum(x, 0), or multiply by the True/False array x > 0.")
        raise


ABS = "That is the absolute value: relu turns negative numbers into 0, it does not flip their sign."


@check("relu", trace="L6.deepnet.forward-first-row")
def test_relu_hidden_layer(student, expect, trace):
    t = trace("L6.deepnet.forward-first-row")
    weights_0_1, _ = seed1_weights(3, 4)
    x = np.dot(np.array(t.inputs["input"], dtype=float), weights_0_1)
    expect.close(elementwise(student, "relu", x), t.value[0], tol=t.tolerance,
                 what="relu(np.dot([1, 0, 1], weights_0_1)) with the seed-1 weights, i.e. relu(%s)"
                      % np.array2string(x, precision=4, separator=", "),
                 slips=[(np.abs(x), ABS)])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("relu", randomized=True)
def test_relu_random(student, expect, ref, rng, case):
    x = rng.uniform(-2, 2, [(7,), (3, 4), (1, 5)][case])
    x.flat[rng.choice(x.size, 2, replace=False)] = 0.0
    expect.close(elementwise(student, "relu", x), ref.relu(x), tol=TOL, slips=[(np.abs(x), ABS)])


# ------------------------------------------------------------------ relu2deriv


@check("relu2deriv", trace="L6.backprop.one-iteration-hidden3")
def test_relu2deriv_backprop(student, expect, trace):
    """In the slides' backpropagation step, layer_1_delta = layer_2_delta.dot(weights_1_2.T)
    * relu2deriv(layer_1): only the hidden unit that relu left on gets a delta."""
    t = trace("L6.backprop.one-iteration-hidden3")
    layer_1, layer_2_delta = np.array([t.value[0]]), np.array([t.value[3]])
    _, weights_1_2 = seed1_weights(3, 3)
    back = layer_2_delta.dot(weights_1_2.T)
    deriv = elementwise(student, "relu2deriv", layer_1)
    shown = fmt(t.value[0])
    what = "layer_2_delta.dot(weights_1_2.T) * relu2deriv(%s)" % shown
    try:
        product = back * np.asarray(deriv, dtype=float) + 0.0  # + 0.0 shows -0.0 as 0
        assert product.shape == back.shape
    except Exception:  # not an array of numbers of layer_1's shape: say so
        expect.close(deriv, (layer_1 > 0) * 1.0, what="relu2deriv(%s)" % shown)
        expect.true(False, "relu2deriv(%s) returned %s, which cannot multiply the backpropagated "
                           "delta element by element." % (shown, fmt(deriv)))
    expect.close(product, np.array([t.value[4]]), tol=t.tolerance, what=what, slips=[
        (back * layer_1, "That is layer_1 itself in place of the slope: relu2deriv returns 1 where "
                         "the output is positive and 0 elsewhere, not the output."),
        (back * (layer_1 >= 0), "At exactly 0 the slope is 0: use output > 0, not >= 0."),
    ])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("relu2deriv", randomized=True)
def test_relu2deriv_random(student, expect, ref, rng, case):
    x = rng.uniform(-1, 1, [(6,), (2, 5), (1, 4)][case])
    x.flat[rng.choice(x.size, 2, replace=False)] = 0.0
    expect.close(elementwise(student, "relu2deriv", x), np.asarray(ref.relu2deriv(x), dtype=float), tol=TOL, slips=[
        ((x >= 0) * 1.0, "At exactly 0 the slope is 0: use output > 0, not >= 0."),
        (x, "That is the output itself: return the slope, 1 where output > 0 and 0 elsewhere."),
    ])


# ------------------------------------------------------------------ train_deep_network


@check("train_deep_network", trace="L6.deepnet.init-weights")
def test_train_deep_network_no_iterations(student, expect, trace):
    """0 iterations: no errors, and the seed-1 starting weights come back unchanged."""
    t = trace("L6.deepnet.init-weights")
    lights, goals, alpha, _ = deep_run(trace)
    weights_0_1, weights_1_2 = seed1_weights(3, 4)
    got = train(student, lights, goals, weights_0_1, weights_1_2, alpha, 0)
    expect.close(got, ([], t.value[0], t.value[1]), tol=t.tolerance, parts=DEEP_PARTS,
                 what="train_deep_network(streetlights, walk_vs_stop, the seed-1 weights, 0.2, 0)")


@check("train_deep_network", trace="L6.deepnet.forward-first-row")
def test_train_deep_network_first_error(student, expect, trace):
    """One pattern, one iteration: the error is that of the untrained network's prediction."""
    t = trace("L6.deepnet.forward-first-row")
    lights, goals, alpha, _ = deep_run(trace)
    weights_0_1, weights_1_2 = seed1_weights(3, 4)
    layer_2 = t.value[1][0]
    run = (lights[:1], goals[:1], weights_0_1, weights_1_2, alpha, 1)
    expect.close(train(student, *run), ([(layer_2 - goals[0]) ** 2], None, None), tol=t.tolerance,
                 parts=DEEP_PARTS,
                 what="train_deep_network([[1, 0, 1]], [1.0], the seed-1 weights, 0.2, 1) (its one error "
                      "is (layer_2 - 1) ** 2 with the untrained layer_2 = %.10g)" % layer_2,
                 slips=[(deep_slip(*run, mode="after"), AFTER)])


@check("train_deep_network", trace="L6.deepnet.errors-60")
def test_train_deep_network_errors(student, expect, trace):
    t = trace("L6.deepnet.errors-60")
    lights, goals, alpha, iterations = deep_run(trace)
    run = (lights, goals) + seed1_weights(3, 4) + (alpha, iterations)
    expect.close(train(student, *run), (t.value, None, None), tol=t.tolerance, parts=DEEP_PARTS,
                 what="train_deep_network(the four streetlights, [1, 1, 0, 0], the seed-1 weights, 0.2, 60)",
                 slips=[(deep_slip(*run, mode="dedented"), DEDENTED),
                        (deep_slip(*run, mode="order"), ORDER),
                        (deep_slip(*run, mode="after"), AFTER)])


@check("train_deep_network", trace="L6.backprop.one-iteration-hidden3")
def test_train_deep_network_one_step(student, expect, trace):
    """The slides' one iteration of backpropagation (hidden size 3): error and new weights."""
    t = trace("L6.backprop.one-iteration-hidden3")
    x, target = np.array([t.inputs["input"]], dtype=float), np.array([float(t.inputs["target"])])
    run = (x, target) + seed1_weights(3, 3) + (float(t.inputs["alpha"]), 1)
    expect.close(train(student, *run), (t.value[2], t.value[6], t.value[5]), tol=t.tolerance, parts=DEEP_PARTS,
                 what="train_deep_network([[1, 0, 1]], [1.0], the seed-1 weights of hidden size 3, 0.2, 1)",
                 slips=[(deep_slip(*run, mode="order"), ORDER),
                        (deep_slip(*run, mode="transposed"),
                         "weights_0_1 was updated with a transposed product: its change is "
                         "layer_0.T.dot(layer_1_delta) (one row per input, one column per hidden unit)."),
                        (deep_slip(*run, mode="after"), AFTER)])


@pytest.mark.parametrize("case", range(4))
@check("train_deep_network", randomized=True)
def test_train_deep_network_random(student, expect, ref, rng, case):
    patterns, n, hidden = int(rng.integers(2, 7)), int(rng.integers(2, 6)), int(rng.integers(2, 7))
    inputs, goals = rng.uniform(0, 1, (patterns, n)), rng.uniform(0, 1, patterns)
    weights_0_1, weights_1_2 = rng.uniform(-1, 1, (n, hidden)), rng.uniform(-1, 1, (hidden, 1))
    iterations = [int(rng.integers(1, 31)), int(rng.integers(1, 31)), int(rng.integers(1, 31)), 0][case]
    alpha = float(rng.uniform(0.02, 0.1))
    while True:  # a case that trains, never one that diverges
        want = ref.train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations)
        if all(np.all(np.abs(part) < 1e3) for part in (np.asarray(want[0]), want[1], want[2])):
            break
        alpha /= 2
    run = (inputs, goals, weights_0_1, weights_1_2, alpha, iterations)
    got = train(student, *run)
    slips = [(deep_slip(*run, mode="order"), ORDER), (deep_slip(*run, mode="after"), AFTER),
             (deep_slip(*run, mode="dedented"),
              "That is one update per iteration, from the last pattern only: update inside the pattern loop.")]
    if iterations:
        slips += [(ref.train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations + 1),
                   "That is one iteration too many."),
                  (ref.train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations - 1),
                   "That is one iteration too few.")]
    expect.close(got, want, tol=TOL, parts=DEEP_PARTS, slips=slips)
