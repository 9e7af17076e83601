"""Grader of lesson 5 — learning multiple weights at a time.

Each test is one check of one exercise (see ``autograder.grading.plugin``): the course's
traces with their printed precision, fresh randomized cases compared with the reference
solution (other lengths, non-square layers, frozen sets, lists and arrays in turn), and
the slides' known slips named when a learner's answer equals one of them.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson5/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.grading import StudentProblem, check
from autograder.grading.compare import fmt, mismatch
from autograder.grading.data import TRUNCATED, as_kind, integers, kind_for, truncated, uniform

STEP_PARTS = ("new_weights", "prediction", "error", "delta", "weight_deltas")
LAYER_PARTS = ("new_weights", "predictions", "errors", "deltas")
ROW_PARTS = ("prediction", "error", "weights_before_update")

# check -> the slip it catches (variants proving it).
FIXED_CASES = {
    "multi_input_step_pred_error_delta": "the error not squared (multi_input_step_error_not_squared)",
    "multi_input_step_weight_deltas": "alpha put into the weight deltas (multi_input_step_alpha_in_deltas)",
    "multi_input_step_new_weights": "alpha applied twice (multi_input_step_doubled_alpha)",
    "multi_input_step_three_iterations": "weights updated in place before the deltas are all computed "
                                         "(multi_input_step_stale_in_place)",
    "multi_input_step_single_input": "vectors of length one: a loop over range(3) (multi_input_step_range_three)",
    "multi_input_step_dot_visual": "the prediction hard-coded from the course's example "
                                   "(multi_input_step_hardcoded)",
    "multi_input_step_integer_weights": "integer weights copied into an integer buffer (np.array(weights)): "
                                        "the new weights truncated (multi_input_step_integer_copy)",
    "multi_input_learning_trace": "the history holding the weights list itself, which later updates change "
                                  "(multi_input_learning_aliased_history)",
    "multi_input_learning_frozen": "frozen ignored (multi_input_learning_ignores_frozen)",
    "multi_input_learning_frozen_not_first": "weight 0 frozen whatever frozen says, as in the course's listing; "
                                             "integer weights truncated by an integer copy "
                                             "(multi_input_learning_freezes_first, multi_input_learning_integer_copy)",
    "multi_output_step_forward": "goal - prediction for the deltas (multi_output_step_goal_minus_prediction)",
    "multi_output_step_update": "the slide's input * weights update (multi_output_step_slide_weights)",
    "multi_output_step_integer_weights": "integer weights copied into an integer buffer: the new weights "
                                         "truncated (multi_output_step_integer_copy)",
    "outer_prod_weight_deltas": "the matrix transposed (outer_prod_transposed)",
    "outer_prod_dot_visual": "one row shared by every row of the matrix (outer_prod_shared_rows)",
    "outer_prod_non_square": "a square buffer sized by vec_a; the matrix transposed; rows copied from an "
                             "integer vec_b truncate (outer_prod_square_buffer, outer_prod_transposed, "
                             "outer_prod_integer_rows)",
    "multi_in_out_step_forward": "predictions from the columns of weights (multi_in_out_step_columns)",
    "multi_in_out_step_update": "the slide's transposed outer_prod(input, delta) "
                                "(multi_in_out_step_slide_transposed)",
    "multi_in_out_step_integer_weights": "integer weights copied with np.array(weights) and floats stored into "
                                         "it (silent truncation); a layer assumed square "
                                         "(multi_in_out_step_integer_copy, multi_in_out_step_square_only)",
}


def _args(*values):
    return ", ".join(fmt(v, 40) for v in values)


def order_slip(got, want, parts):
    """A slip naming the catalogue's order when ``got`` holds the right values in another order."""
    if not isinstance(got, (list, tuple)) or len(got) != len(parts):
        return []
    order = []
    for value in got:
        found = [name for name, w in zip(parts, want) if mismatch(value, w) is None]
        if not found:
            return []
        order.append(found[0])
    if order == list(parts) or len(set(order)) != len(parts):  # not a reordering of the right values
        return []
    return [(got, "The values are right but in another order (%s): return them in the catalogue's "
                  "order, (%s)." % (", ".join(order), ", ".join(parts)))]


def weights_as(w, kind):
    """Weights as the case sends them: integer weights stay integers (a list of ints or an
    integer array, where an integer copy truncates every update), others as ``as_kind``."""
    return integers(w, kind) if np.issubdtype(np.asarray(w).dtype, np.integer) else as_kind(w, kind)


# ------------------------------------------------------------------ slips of the update


def step_slips(input, weights, goal, alpha):
    """``(value, explanation)`` of the classic slips of ``multi_input_step``."""
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    pred = float(np.dot(x, w))
    delta = pred - goal
    wd = delta * x
    slips = [
        ((w + alpha * wd, None, None, -delta, None),
         "delta is prediction - goal (negative when the prediction is too low): goal - prediction "
         "moves every weight the wrong way."),
        ((w + alpha * wd, None, None, None, None),
         "The weights moved the wrong way: the new weight is weights[i] - alpha * weight_deltas[i] "
         "(subtract, so that a negative weight delta makes the weight grow)."),
        ((w - wd, None, None, None, None),
         "That is the update without alpha: the new weight is weights[i] - alpha * weight_deltas[i]."),
        ((w - 2 * alpha * wd, None, None, None, None),
         "That is the update with twice alpha: the new weight is weights[i] - alpha * weight_deltas[i]."),
        ((w - alpha * alpha * wd, None, None, None, alpha * wd),
         "alpha is applied twice, once in the weight deltas and once in the update: the weight deltas "
         "are delta * input[i] alone, and alpha scales only the update."),
        ((None, None, None, None, alpha * wd),
         "Those weight deltas include alpha: weight_deltas[i] is delta * input[i]; alpha scales only "
         "the update of the weights."),
    ]
    if len(x) > 1:
        short = float(np.dot(x[:-1], w[:-1]))
        slips.append(((None, short, None, None, None),
                      "That prediction leaves out the last input: does the loop stop one index early?"))
    if len(x) > 3:
        slips.append(((None, float(np.dot(x[:3], w[:3])), None, None, None),
                      "That prediction uses only the first three inputs: loop over range(len(input)), "
                      "not range(3)."))
    return slips


def explain_length(problem, n):
    if n != 3:
        problem.explain_error("This case has %d input%s: a loop over range(3) or a fixed [0, 0, 0] only works "
                              "for three." % (n, "" if n == 1 else "s"))


# ------------------------------------------------------------------ multi_input_step


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_input_step", trace="L5.multi-input.pred-error-delta")
def test_multi_input_step_pred_error_delta(student, expect, ref, trace, kind):
    t = trace("L5.multi-input.pred-error-delta")
    x, w, goal = t.inputs["input"], t.inputs["weights"], t.inputs["true"]
    pred, error, delta = t.value
    got = student.multi_input_step(as_kind(x, kind), as_kind(w, kind), goal, 0.01)
    expect.close(got, (None, pred, error, delta, None), tol=t.tolerance, parts=STEP_PARTS, slips=order_slip(
        got, ref.multi_input_step(x, w, goal, 0.01), STEP_PARTS) + [
        ((None, pred, error, -delta, None),
         "delta is prediction - goal = 0.86 - 1 = -0.14: negative, because the prediction is too low "
         "(the slide's text quotes only its size, 0.14)."),
        ((None, pred, delta, None, None),
         "error is the square of delta."),
        ((None, pred, abs(delta), None, None),
         "error is the square of delta, not its absolute value."),
    ] + step_slips(x, w, goal, 0.01))


@check("multi_input_step", trace="L5.multi-input.weight-deltas")
def test_multi_input_step_weight_deltas(student, expect, trace):
    t = trace("L5.multi-input.weight-deltas")
    network = trace("L5.multi-input.pred-error-delta").inputs  # the network whose delta is -0.14
    x, w, goal = t.inputs["input"], network["weights"], network["true"]
    got = student.multi_input_step(x, w, goal, 0.01)
    want = t.value
    expect.close(got, (None, None, None, None, want), tol=t.tolerance, parts=STEP_PARTS, slips=[
        ((None, None, None, None, [-v for v in want]),
         "Those are the weight deltas with delta = +0.14: delta is prediction - goal = -0.14 (the recap "
         "slide's '8.5 * 0.14' drops its sign), so every weight delta is negative here."),
        ((None, None, None, None, [-1.2, -0.09, -0.17]),
         "Those are the recap slide's rounded numbers (-1.2, -.09, -.17, a misprint): keep full "
         "precision, delta * input[i] gives -1.19, -0.091, -0.168."),
    ] + step_slips(x, w, goal, 0.01))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_input_step", trace="L5.multi-input.new-weights")
def test_multi_input_step_new_weights(student, expect, trace, kind):
    t = trace("L5.multi-input.new-weights")
    network = trace("L5.multi-input.pred-error-delta").inputs
    x, w, goal, alpha = network["input"], t.inputs["weights"], network["true"], t.inputs["alpha"]
    got = student.multi_input_step(as_kind(x, kind), as_kind(w, kind), goal, alpha)
    flipped = [wi + alpha * d for wi, d in zip(w, t.inputs["weight_deltas"])]
    expect.close(got, (t.value, None, None, None, None), tol=t.tolerance, parts=STEP_PARTS, slips=[
        (([float(v) for v in t.printed], None, None, None, None),
         "Those are the slide's misprints (0.2009 and -0.098 come from -0.91 and -1.68 instead of the "
         "weight deltas -0.091 and -0.168): the new weights are 0.1119, 0.20091, -0.09832."),
        ((flipped, None, None, None, None),
         "Those weights moved the wrong way: the weight deltas are negative here (-1.19, -0.091, -0.168), "
         "and weights[i] - alpha * weight_deltas[i] makes every weight grow (0.1 - 0.01 * -1.19 = "
         "0.1119). The recap slide's '0.1 - (1.19 * 0.01) = 0.1119' lost the minus sign of the weight "
         "delta; as written it would give 0.0881."),
    ] + step_slips(x, w, goal, alpha))


@check("multi_input_step", trace="L5.multi-input.3-iterations")
def test_multi_input_step_three_iterations(student, expect, trace):
    """Each of the course's three iterations is one step from the weights it printed."""
    t = trace("L5.multi-input.3-iterations")
    x, goal, alpha = t.inputs["input"], t.inputs["true"], t.inputs["alpha"]
    rows = t.value
    for i, (pred, error, delta, weights, weight_deltas) in enumerate(rows):
        after = rows[i + 1][3] if i + 1 < len(rows) else None
        got = student.multi_input_step(x, weights, goal, alpha)
        expect.close(got, (after, pred, error, delta, weight_deltas), tol=t.tolerance, parts=STEP_PARTS,
                     what="multi_input_step(%s) (iteration %d of the course's run)"
                          % (_args(x, weights, goal, alpha), i + 1),
                     slips=step_slips(x, weights, goal, alpha))


@check("multi_input_step", trace="L5.single-input.weight-delta")
def test_multi_input_step_single_input(student, expect, trace):
    """The single-input network of lesson 4 is the case of one-element vectors."""
    t = trace("L5.single-input.weight-delta")
    x, w, goal = t.inputs["input"], t.inputs["weight"], t.inputs["true"]
    got = student.multi_input_step([x], [w], goal, 0.01)
    expect.close(got, (None, None, None, None, [t.value]), tol=t.tolerance, parts=STEP_PARTS, slips=[
        ((None, None, None, None, [float(t.printed)]),
         "-1.25 is the recap slide's misprint: 8.5 * -0.15 = -1.275."),
    ] + step_slips([x], [w], goal, 0.01))


@check("multi_input_step", trace="L5.dot.visual")
def test_multi_input_step_dot_visual(student, expect, trace):
    """a = [0, 1, 0, 1] and b = [1, 0, 1, 0] share no active position: their weighted sum is 0."""
    t = trace("L5.dot.visual")
    a, b = t.inputs["a"], t.inputs["b"]
    got = student.multi_input_step(a, b, 1, 0.1)
    expect.close(got, (None, t.value[1], None, None, None), tol=t.tolerance, parts=STEP_PARTS,
                 slips=step_slips(a, b, 1, 0.1))


@pytest.mark.parametrize("case", range(4))
@check("multi_input_step", randomized=True)
def test_multi_input_step_random(student, expect, ref, rng, case):
    n = [1, 5, 2, 4][case]
    x, w = uniform(rng, n, -2, 2), uniform(rng, n)
    goal, alpha = uniform(rng, (), -1, 1), uniform(rng, (), 0.01, 0.5)
    kind = kind_for(case)
    if case % 2:  # whole-number weights, as a list of ints or an integer array
        w = rng.integers(-3, 4, n)
    try:
        got = student.multi_input_step(as_kind(x, kind), weights_as(w, kind), goal, alpha)
    except StudentProblem as problem:
        explain_length(problem, n)
        raise
    want = ref.multi_input_step(x, w, goal, alpha)
    expect.close(got, want, parts=STEP_PARTS,
                 slips=order_slip(got, want, STEP_PARTS) + step_slips(x, w, goal, alpha))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_input_step", rule="integer inputs and weights are numbers like any other")
def test_multi_input_step_integer_weights(student, expect, ref, kind):
    x, w = integers([1, 2, 3], kind), integers([1, 0, 2], kind)
    got = student.multi_input_step(x, w, 5, 0.1)
    want = ref.multi_input_step([1, 2, 3], [1, 0, 2], 5, 0.1)  # new weights [0.8, -0.4, 1.4]
    expect.close(got, want, parts=STEP_PARTS, what="multi_input_step(%s, 5, 0.1) (integer input and weights)"
                 % _args(x, w), slips=[((truncated(want[0]), None, None, None, None), TRUNCATED)]
                 + step_slips([1, 2, 3], [1, 0, 2], 5, 0.1))


# ------------------------------------------------------------------ multi_input_learning


def learning_slips(ref, x, w, goal, alpha, iterations, frozen):
    """Histories of the classic slips of multi_input_learning, with their explanations."""
    longer = ref.multi_input_learning(x, w, goal, alpha, iterations + 1, frozen)
    final = longer[-1][2]
    slips = [
        ([(p, e, longer[i + 1][2]) for i, (p, e, _) in enumerate(longer[:-1])],
         "Those are the weights after this iteration's update: record them before updating (the course "
         "prints Weights before the update), and record a copy."),
        ([(p, e, final) for p, e, _ in longer[:-1]],
         "Every row shows the weights after the last update: the history holds the weights list itself, "
         "which later updates change. Record a copy: list(weights) or weights.copy()."),
    ]
    n = len(w)
    if frozen:
        slips.append((ref.multi_input_learning(x, w, goal, alpha, iterations, ()),
                      "The frozen weight%s %s moved: a weight whose index is in frozen must keep its "
                      "value (the course sets its weight delta to 0)."
                      % ("s" if len(frozen) > 1 else "", ", ".join(map(str, sorted(frozen))))))
        for shift in (1, -1):
            moved = tuple(f + shift for f in frozen if 0 <= f + shift < n)
            if moved and set(moved) != set(frozen):
                slips.append((ref.multi_input_learning(x, w, goal, alpha, iterations, moved),
                              "That run froze weight%s %s instead of %s: frozen holds indices counted "
                              "from 0, as in weights[i]."
                              % ("s" if len(moved) > 1 else "", ", ".join(map(str, moved)),
                                 ", ".join(map(str, frozen)))))
    return slips


def explain_default(problem):
    """Explain a call without ``frozen`` that fails for want of it; True when it did."""
    if "required positional argument" in problem.message and "frozen" in problem.message:
        problem.explain_error("Calls may leave frozen out: give it the default frozen=() (nothing frozen).")
        return True
    return False


def learn(student, *args):
    try:
        return student.multi_input_learning(*args)
    except StudentProblem as problem:
        explain_default(problem)
        raise


def close_history(expect, got, want, call, tol=None, slips=()):
    """Compare a learner's history with ``want`` row by row; a row is (prediction, error, weights)."""
    expect.true(got is not None, "%s returned None: is a `return` statement missing?" % call)
    if isinstance(got, np.ndarray) and got.size == 0:
        got = []
    expect.true(isinstance(got, (list, tuple)),
                "%s returned %s, expected a list with one (prediction, error, weights_before_update) per "
                "iteration." % (call, fmt(got)))
    expect.true(len(got) == len(want),
                "%s returned %d row%s, expected %d: one (prediction, error, weights_before_update) per "
                "iteration." % (call, len(got), "" if len(got) == 1 else "s", len(want)))
    if not want:
        return expect.close(list(got), [], what=call)
    for i, (row, want_row) in enumerate(zip(got, want)):
        expect.close(row, tuple(want_row), tol=tol, parts=ROW_PARTS,
                     what="%s, iteration %d," % (call, i + 1),
                     slips=[(tuple(value[i]), text) for value, text in slips if len(value) > i])


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_input_learning", trace="L5.multi-input.3-iterations")
def test_multi_input_learning_trace(student, expect, ref, trace, kind):
    t = trace("L5.multi-input.3-iterations")
    v = t.inputs
    got = learn(student, as_kind(v["input"], kind), as_kind(v["weights"], kind), v["true"], v["alpha"],
                v["iterations"])
    want = [(p, e, w) for p, e, _, w, _ in t.value]
    close_history(expect, got, want, "multi_input_learning(%s)" % _args(
        v["input"], v["weights"], v["true"], v["alpha"], v["iterations"]), tol=t.tolerance,
        slips=learning_slips(ref, v["input"], v["weights"], v["true"], v["alpha"], v["iterations"], ()))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_input_learning", trace="L5.freeze.3-iterations")
def test_multi_input_learning_frozen(student, expect, ref, trace, kind):
    t = trace("L5.freeze.3-iterations")
    v = t.inputs
    frozen = (v["frozen"],)
    got = student.multi_input_learning(as_kind(v["input"], kind), as_kind(v["weights"], kind), v["true"],
                                       v["alpha"], v["iterations"], frozen)
    want = [(p, e, w) for p, e, _, w, _ in t.value]
    close_history(expect, got, want, "multi_input_learning(%s)" % _args(
        v["input"], v["weights"], v["true"], v["alpha"], v["iterations"], frozen), tol=t.tolerance,
        slips=learning_slips(ref, v["input"], v["weights"], v["true"], v["alpha"], v["iterations"], frozen))


# (inputs, iterations, frozen as sent; None: the argument is left to its default)
LEARNING_CASES = [(2, 4, ()), (5, 5, (1, 3)), (1, 0, None), (3, 2, (0, 1, 2)), (4, 3, [3]), (2, 1, None)]


@pytest.mark.parametrize("case", range(len(LEARNING_CASES)))
@check("multi_input_learning", randomized=True)
def test_multi_input_learning_random(student, expect, ref, rng, case):
    n, iterations, frozen = LEARNING_CASES[case]
    x, w = uniform(rng, n, -1.5, 1.5), uniform(rng, n)
    goal, alpha = uniform(rng, (), -1, 1), uniform(rng, (), 0.01, 0.3)
    kind = kind_for(case)
    args = [as_kind(x, kind), as_kind(w, kind), goal, alpha, iterations]
    if frozen is not None:
        args.append(frozen)
    try:
        got = student.multi_input_learning(*args)
    except StudentProblem as problem:
        if not explain_default(problem):
            explain_length(problem, n)
        raise
    frozen = tuple(frozen or ())
    call = "multi_input_learning(%s)" % _args(x, w, goal, alpha, iterations, *([frozen] if args[5:] else []))
    close_history(expect, got, ref.multi_input_learning(x, w, goal, alpha, iterations, frozen), call,
                  slips=learning_slips(ref, x, w, goal, alpha, iterations, frozen))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_input_learning", rule="frozen holds any indices, not only 0; integer weights are numbers")
def test_multi_input_learning_frozen_not_first(student, expect, ref, kind):
    x, w, frozen = integers([1, 2, 3], kind), integers([1, 0, 2], kind), (2,)
    got = learn(student, x, w, 5, 0.1, 2, frozen)
    want = ref.multi_input_learning([1, 2, 3], [1, 0, 2], 5, 0.1, 2, frozen)
    first_frozen = ref.multi_input_learning([1, 2, 3], [1, 0, 2], 5, 0.1, 2, (0,))
    # An integer copy of the weights keeps [0, 0, 2] of [0.8, -0.4, 2] after the first update.
    truncating = [tuple(want[0]), (1 * 0 + 2 * 0 + 3 * 2, None, [0, 0, 2])]
    close_history(expect, got, want, "multi_input_learning(%s, 5, 0.1, 2, (2,)) (weight 2 frozen; integer "
                  "input and weights)" % _args(x, w), slips=[
                      ([tuple(r) for r in first_frozen],
                       "That run froze weight 0, not weight 2: the course's listing freezes weight 0 for its "
                       "example (weight_deltas[0] = 0); freeze the indices that frozen holds."),
                      (truncating, TRUNCATED),
                  ] + learning_slips(ref, [1, 2, 3], [1, 0, 2], 5, 0.1, 2, frozen))


# ------------------------------------------------------------------ multi_output_step


def output_slips(input, weights, goals, alpha):
    w = np.asarray(weights, dtype=float)
    deltas = input * w - np.asarray(goals, dtype=float)
    return [
        ((w - alpha * input * w, None, None, None),
         "That is the slide's update, weight_deltas = scalar_ele_mul(input, weights): a slip of the "
         "slide, which multiplies the input by the weights. Each weight moves by alpha * input * "
         "deltas[i], the input times its own output's delta."),
        ((w + alpha * input * deltas, None, None, -deltas),
         "deltas[i] is predictions[i] - goals[i]: goal - prediction moves every weight the wrong way."),
        ((w + alpha * input * deltas, None, None, None),
         "The weights moved the wrong way: the new weight is weights[i] - alpha * input * deltas[i]."),
        ((w - input * deltas, None, None, None),
         "That is the update without alpha: the new weight is weights[i] - alpha * input * deltas[i]."),
        ((w - alpha * deltas, None, None, None),
         "That update leaves out the input: weight i moves by alpha * input * deltas[i]."),
    ]


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_output_step", trace="L5.multi-output.forward")
def test_multi_output_step_forward(student, expect, trace, kind):
    t = trace("L5.multi-output.forward")
    v = t.inputs
    got = student.multi_output_step(v["input"], as_kind(v["weights"], kind), as_kind(v["true"], kind), 0.1)
    preds, errors, deltas = t.value
    expect.close(got, (None, preds, errors, deltas), tol=t.tolerance, parts=LAYER_PARTS,
                 slips=[((None, preds, errors, [-d for d in deltas]),
                         "deltas[i] is predictions[i] - goals[i], not goals[i] - predictions[i].")])


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_output_step", trace="L5.multi-output.update")
def test_multi_output_step_update(student, expect, trace, kind):
    t = trace("L5.multi-output.update")
    v = t.inputs
    got = student.multi_output_step(v["input"], as_kind(v["weights"], kind), as_kind(v["true"], kind),
                                    v["alpha"])
    expect.close(got, (t.value[1], None, None, None), tol=t.tolerance, parts=LAYER_PARTS,
                 slips=output_slips(v["input"], v["weights"], v["true"], v["alpha"]))


@pytest.mark.parametrize("case", range(3))
@check("multi_output_step", randomized=True)
def test_multi_output_step_random(student, expect, ref, rng, case):
    n = [5, 1, 2][case]
    x, w, goals = uniform(rng, (), -2, 2), uniform(rng, n), uniform(rng, n)
    alpha = uniform(rng, (), 0.01, 0.5)
    kind = kind_for(case)
    if case % 2:  # whole-number weights, as a list of ints or an integer array
        w = rng.integers(-3, 4, n)
    try:
        got = student.multi_output_step(x, weights_as(w, kind), as_kind(goals, kind), alpha)
    except StudentProblem as problem:
        if n != 3:
            problem.explain_error("This case has %d output%s: a fixed [0, 0, 0] or an assert that the length is "
                                  "3 only works for three." % (n, "" if n == 1 else "s"))
        raise
    want = ref.multi_output_step(x, w, goals, alpha)
    expect.close(got, want, parts=LAYER_PARTS,
                 slips=order_slip(got, want, LAYER_PARTS) + output_slips(x, w, goals, alpha))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_output_step", rule="integer weights and goals are numbers like any other")
def test_multi_output_step_integer_weights(student, expect, ref, kind):
    w, goals = integers([1, 0, -1], kind), integers([1, 1, 1], kind)
    got = student.multi_output_step(2, w, goals, 0.1)
    want = ref.multi_output_step(2, [1, 0, -1], [1, 1, 1], 0.1)  # new weights [0.8, 0.2, -0.4]
    expect.close(got, want, parts=LAYER_PARTS, what="multi_output_step(2, %s, 0.1) (integer input, weights "
                 "and goals)" % _args(w, goals),
                 slips=[((truncated(want[0]), None, None, None), TRUNCATED)]
                 + output_slips(2, [1, 0, -1], [1, 1, 1], 0.1))


# ------------------------------------------------------------------ outer_prod


def transposed_slip(vec_a, vec_b):
    return [(np.outer(vec_b, vec_a),
             "That matrix is transposed: m[i][j] is vec_a[i] * vec_b[j], one row per element of vec_a.")]


@pytest.mark.parametrize("kind", ["list", "array"])
@check("outer_prod", trace="L5.multi-io.update")
def test_outer_prod_weight_deltas(student, expect, trace, kind):
    """The weight deltas of the course's 3x3 network are outer_prod(deltas, input)."""
    t = trace("L5.multi-io.update")
    v = t.inputs
    x = v["input"]
    deltas = [sum(xj * wij for xj, wij in zip(x, row)) - goal for row, goal in zip(v["weights"], v["true"])]
    got = student.outer_prod(as_kind(deltas, kind), as_kind(x, kind))
    expect.close(got, t.value[0], tol=t.tolerance,
                 what="outer_prod(deltas, input) = outer_prod(%s, %s)" % (_args(deltas), _args(x)),
                 slips=transposed_slip(deltas, x))


@check("outer_prod", trace="L5.dot.visual")
def test_outer_prod_dot_visual(student, expect, trace):
    """The diagonal of outer_prod(a, b) is the elementwise product of a and b."""
    t = trace("L5.dot.visual")
    a, b = t.inputs["a"], t.inputs["b"]
    got = student.outer_prod(a, b)
    try:
        matrix = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        matrix = None
    expect.true(matrix is not None and matrix.shape == (len(a), len(b)),
                "outer_prod(%s) returned %s, expected a 4 x 4 matrix: one row per element of vec_a, one "
                "column per element of vec_b (trace L5.dot.visual)." % (_args(a, b), fmt(got)))
    diagonal = matrix.diagonal().tolist()
    expect.close(diagonal, t.value[0], tol=t.tolerance,
                 what="the diagonal m[i][i] of outer_prod(%s), the elementwise product," % _args(a, b))


@pytest.mark.parametrize("case", range(3))
@check("outer_prod", randomized=True)
def test_outer_prod_random(student, expect, rng, case):
    len_a, len_b = [(2, 4), (4, 1), (3, 3)][case]
    a, b = uniform(rng, len_a, -3, 3), uniform(rng, len_b, -3, 3)
    kind = kind_for(case)
    try:
        got = student.outer_prod(as_kind(a, kind), as_kind(b, kind))
    except StudentProblem as problem:
        problem.explain_error("Here vec_a has %d elements and vec_b %d: the matrix is %d x %d, whatever the "
                              "lengths." % (len_a, len_b, len_a, len_b))
        raise
    expect.close(got, np.outer(a, b), slips=transposed_slip(a, b))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("outer_prod", rule="vectors of any lengths, one row per element of vec_a")
def test_outer_prod_non_square(student, expect, kind):
    cases = [([0.5, 2], integers([1, 2, 3], kind)),  # 2 x 3, vec_b of integers
             ([2.0], [0.5, 1.5])]  # one row
    for a, b in cases:
        try:
            got = student.outer_prod(a, b)
        except StudentProblem as problem:
            problem.explain_error("Here vec_a has %d element%s and vec_b %d: the matrix is %d x %d."
                                  % (len(a), "" if len(a) == 1 else "s", len(b), len(a), len(b)))
            raise
        want = np.outer(a, b)
        expect.close(got, want, what="outer_prod(%s)" % _args(a, b),
                     slips=transposed_slip(a, b) + [(truncated(want), TRUNCATED)])


# ------------------------------------------------------------------ multi_in_out_step


def layer_slips(input, weights, goals, alpha):
    x, w = np.asarray(input, dtype=float), np.asarray(weights, dtype=float)
    deltas = w.dot(x) - np.asarray(goals, dtype=float)
    slips = []
    if w.shape[0] == w.shape[1]:
        slips.append(((w - alpha * np.outer(x, deltas), None, None, None),
                      "That is the slide's update with outer_prod(input, delta), which is transposed "
                      "(indexed [input][output]) while weights[i][j] connects input j to output i: the "
                      "weight deltas are outer_prod(deltas, input). A slip of the slide."))
    slips += [
        ((w + alpha * np.outer(deltas, x), None, None, -deltas),
         "deltas[i] is predictions[i] - goals[i]: goal - prediction moves every weight the wrong way."),
        ((w + alpha * np.outer(deltas, x), None, None, None),
         "The weights moved the wrong way: weights[i][j] - alpha * deltas[i] * input[j]."),
        ((w - np.outer(deltas, x), None, None, None),
         "That is the update without alpha: weights[i][j] - alpha * deltas[i] * input[j]."),
    ]
    return slips


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_in_out_step", trace="L5.multi-io.forward")
def test_multi_in_out_step_forward(student, expect, trace, kind):
    t = trace("L5.multi-io.forward")
    v = t.inputs
    got = student.multi_in_out_step(as_kind(v["input"], kind), as_kind(v["weights"], kind),
                                    as_kind(v["true"], kind), 0.01)
    preds, errors, deltas = t.value
    transposed = np.dot(v["input"], v["weights"])
    expect.close(got, (None, preds, errors, deltas), tol=t.tolerance, parts=LAYER_PARTS, slips=[
        ((None, transposed, None, None),
         "Those predictions use the columns of weights: predictions[i] is the weighted sum of the input "
         "with row weights[i], as vect_mat_mul reads it."),
        ((None, preds, errors, [-d for d in deltas]),
         "deltas[i] is predictions[i] - goals[i], not goals[i] - predictions[i]."),
    ])


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_in_out_step", trace="L5.multi-io.update")
def test_multi_in_out_step_update(student, expect, trace, kind):
    t = trace("L5.multi-io.update")
    v = t.inputs
    got = student.multi_in_out_step(as_kind(v["input"], kind), as_kind(v["weights"], kind),
                                    as_kind(v["true"], kind), v["alpha"])
    expect.close(got, (t.value[1], None, None, None), tol=t.tolerance, parts=LAYER_PARTS,
                 slips=layer_slips(v["input"], v["weights"], v["true"], v["alpha"]))


@pytest.mark.parametrize("case", range(4))
@check("multi_in_out_step", randomized=True)
def test_multi_in_out_step_random(student, expect, ref, rng, case):
    n_out, n_in = [(2, 4), (3, 2), (1, 5), (3, 3)][case]
    x, w, goals = uniform(rng, n_in, -2, 2), uniform(rng, (n_out, n_in)), uniform(rng, n_out)
    alpha = uniform(rng, (), 0.01, 0.3)
    kind = kind_for(case)
    if case % 2:  # whole-number weights, as lists of ints or an integer array
        w = rng.integers(-3, 4, (n_out, n_in))
    try:
        got = student.multi_in_out_step(as_kind(x, kind), weights_as(w, kind), as_kind(goals, kind), alpha)
    except StudentProblem as problem:
        if n_out != n_in:
            problem.explain_error("This layer has %d inputs and %d output%s: weights is %d x %d (one row per "
                                  "output), so nothing may assume a square matrix or three of anything, and the "
                                  "weight deltas must be %d x %d too: outer_prod(deltas, input), not the slide's "
                                  "outer_prod(input, delta), which is %d x %d."
                    % (n_in, n_out, "" if n_out == 1 else "s", n_out, n_in, n_out, n_in, n_in, n_out))
        raise
    want = ref.multi_in_out_step(x, w, goals, alpha)
    expect.close(got, want, parts=LAYER_PARTS,
                 slips=order_slip(got, want, LAYER_PARTS) + layer_slips(x, w, goals, alpha))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("multi_in_out_step", rule="integer weights of a non-square layer: 3 inputs, 2 outputs")
def test_multi_in_out_step_integer_weights(student, expect, ref, kind):
    x, w, goals = integers([1, 2, 3], kind), integers([[1, 0, 1], [0, 1, 0]], kind), integers([3, 1], kind)
    call = "multi_in_out_step(%s, 0.1) (integer input, weights and goals; 2 x 3 weights)" % _args(x, w, goals)
    try:
        got = student.multi_in_out_step(x, w, goals, 0.1)
    except StudentProblem as problem:
        problem.explain_error("This layer has 3 inputs and 2 outputs: weights is 2 x 3 (one row per output), and "
                              "nothing may assume a square matrix.")
        raise
    want = ref.multi_in_out_step([1, 2, 3], [[1, 0, 1], [0, 1, 0]], [3, 1], 0.1)  # [[0.9, -0.2, 0.7], ...]
    expect.close(got, want, parts=LAYER_PARTS, what=call,
                 slips=[((truncated(want[0]), None, None, None), TRUNCATED)]
                 + layer_slips([1, 2, 3], [[1, 0, 1], [0, 1, 0]], [3, 1], 0.1))
