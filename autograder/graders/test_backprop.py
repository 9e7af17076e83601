"""Grader of the backpropagation talk (course document 003).

Each test is one check of one exercise (see ``autograder.grading.plugin``): the talk's
reproducible traces (the slope of ``w ** 2`` at -1, the tanh squash of 0.5 and 0.65, the
shawarma network's activities and errors, the M&M best guess), the behaviour the talk
describes where it gives no number (the symmetric change is exact on a parabola, the
slope is zero at the bottom of the error curve, the sigmoid is steepest at 0, big votes
squash to nearly 1, a day with no active input, the guess settles on the mean), and
fresh randomized cases compared with the reference solution (lists and arrays in turn).

The talk says its numbers in words ("just under 0.5", "about 0.6"): the trace carries the
exact values with a tolerance as wide as the words, and these checks compare with the
exact values (``EXACT``), so that a learner who types the talk's words is told so.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/backprop/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.grading import StudentProblem, check
from autograder.grading.data import as_kind, kind_for, uniform

# check -> the slip it catches (variants proving it).
FIXED_CASES = {
    "numeric_slope_talk": "(E(w + h) - E(w)) / h, a one-sided change; a change not divided by 2h "
                          "(numeric_slope_one_sided, numeric_slope_divided_by_h)",
    "numeric_slope_big_nudge": "the one-sided change, which a big nudge shows (numeric_slope_one_sided)",
    "numeric_slope_bottom": "E(w + h) - E(w - h) / 2 * h without parentheses (numeric_slope_precedence)",
    "chain_slope_example": "x * w1 instead of x * w2 (chain_slope_x_w1)",
    "chain_slope_is_the_nudge": "the slope of y by its input instead of the chain "
                                "(chain_slope_slope_of_input)",
    "sigmoid_slope_at_zero": "the slope of x itself, not of the sigmoid (sigmoid_slope_of_x)",
    "sigmoid_slope_array": "the sign of the exponent lost (sigmoid_slope_sign)",
    "squash_talk": "the logistic function instead of tanh (squash_logistic)",
    "squash_number": "a clip to [-1, 1] instead of a squash (squash_clip)",
    "squash_big_votes": "the talk's words taken as a formula (squash_talk_words)",
    "shawarma_activity_talk": "inactive inputs' weights counted in the mean (shawarma_activity_zeros_counted)",
    "shawarma_activity_quiet_day": "0 / 0 for an output with no active input (NaN) "
                                   "(shawarma_activity_quiet_day_nan)",
    "shawarma_error_talk": "activity minus goal, the error reversed (shawarma_error_reversed)",
    "shawarma_error_after_update": "the same, on the talk's second day (shawarma_error_reversed)",
    "best_guess_talk": "one step whatever the iterations (best_guess_one_step)",
    "best_guess_one_step": "the sum of the deviations instead of their mean (best_guess_sum)",
    "best_guess_no_step": "the mean returned without descending (best_guess_mean)",
    "best_guess_settles_on_the_mean": "the history returned instead of the guess (best_guess_history)",
}

RANDOM_CASES = range(3)
EXACT = {"abs": 1e-9, "rel": 1e-9}
SLOPE_TOL = {"abs": 1e-6, "rel": 1e-6}  # a finite difference with h = 1e-4 loses about 8 digits

# The talk's day at the shawarma place: worked in the morning (input 0), off in the evening
# (input 3). It gives only the weights from the active inputs; the others are the kit's.
SHAWARMA_DAY = [1, 0, 0, 1]
SHAWARMA_WEIGHTS = [[0.3, 0.9, 0.5, 0.1], [0.8, 0.2, 0.7, 0.4]]
SHAWARMA_AFTER = [[0.3, 0.9, 0.5, 0.1], [0.9, 0.2, 0.7, 0.5]]  # the second output's activity is now 0.7


def _poly(coeffs, w):
    return sum(c * w ** k for k, c in enumerate(coeffs))


def slope_slips(coeffs, w, h):
    """The classic finite differences that are not the talk's symmetric slope."""
    e_plus, e_here, e_minus = _poly(coeffs, w + h), _poly(coeffs, w), _poly(coeffs, w - h)
    return [
        ((e_plus - e_here) / h, "That is the one-sided change (E(w + h) - E(w)) / h: measure on both sides, "
                                "(E(w + h) - E(w - h)) / (2 * h)."),
        ((e_plus - e_minus) / h, "The change from w - h to w + h is divided by h, but the weight moved by 2 * h."),
        ((e_plus - e_minus) / 2 * h, "That divides by 2 and then multiplies by h: put 2 * h in parentheses."),
        ((_poly(list(coeffs)[::-1], w + h) - _poly(list(coeffs)[::-1], w - h)) / (2 * h),
         "The coefficients were read highest power first (as np.polyval reads them): coeffs[k] goes with "
         "w ** k, coeffs[0] is the constant."),
        (sum(k * c * w ** (k - 1) for k, c in enumerate(coeffs) if k),
         "That is the exact derivative: this exercise measures the slope by nudging the weight by h either "
         "way, as the talk does before it brings in calculus, and on a curved error the two differ."),
    ]


# ------------------------------------------------------------------ numeric_slope


@check("numeric_slope", trace="BP.slope.w-squared")
def test_numeric_slope_talk(student, expect, trace):
    t = trace("BP.slope.w-squared")
    got = student.numeric_slope([0.0, 0.0, 1.0], float(t.inputs["w"]))
    expect.close(got, t.value, tol=SLOPE_TOL, slips=slope_slips([0, 0, 1], -1.0, 1e-4),
                 what="numeric_slope([0, 0, 1], -1) (E = w ** 2 at w = -1, h = 1e-4 by default)")


@check("numeric_slope", rule="on a parabola the symmetric change is the exact slope, whatever h")
def test_numeric_slope_big_nudge(student, expect):
    got = student.numeric_slope([0.0, 0.0, 1.0], -1.0, 1.0)
    expect.close(got, -2.0, tol=EXACT, slips=[
        (-1.0, "That is the one-sided change: from w = -1 to w = 0 the error goes from 1 to 0 (the talk's "
               "trace notes it). Measure on both sides: (E(w + h) - E(w - h)) / (2 * h) = (0 - 4) / 2."),
    ] + slope_slips([0, 0, 1], -1.0, 1.0)[1:])


@check("numeric_slope", rule="the slope is zero at the bottom of the error curve and positive past it")
def test_numeric_slope_bottom(student, expect):
    coeffs = [9.0, -6.0, 1.0]  # E = (w - 3) ** 2, lowest at w = 3
    got = [student.numeric_slope(coeffs, 3.0, 0.5), student.numeric_slope(coeffs, 5.0, 0.5)]
    expect.close(got, [0.0, 4.0], tol=SLOPE_TOL, what="numeric_slope([9, -6, 1], w, 0.5) at w = 3 and w = 5",
                 slips=[([a[0], b[0]], a[1]) for a, b in zip(slope_slips(coeffs, 3.0, 0.5),
                                                              slope_slips(coeffs, 5.0, 0.5))])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("numeric_slope", randomized=True)
def test_numeric_slope_random(student, expect, ref, rng, case):
    degree = [3, 4, 1][case]
    coeffs = [round(float(c), 3) for c in rng.uniform(-3, 3, degree + 1)]
    w = round(uniform(rng, (), -2, 2), 3)
    h = [None, 0.5, 0.01][case]
    args = (coeffs, w) if h is None else (coeffs, w, h)
    try:
        got = student.numeric_slope(*args)
    except StudentProblem as problem:
        problem.explain_error("Here coeffs is a list of %d numbers (the error curve has degree %d)."
                              % (len(coeffs), degree))
        raise
    expect.close(got, ref.numeric_slope(*args), tol=SLOPE_TOL,
                 slips=slope_slips(coeffs, w, 1e-4 if h is None else h))


# ------------------------------------------------------------------ chain_slope


def chain_slips(x, w1, w2):
    return [
        (x * w1, "That is x * w1, the hidden value y itself: the slope of y with respect to w1 is x, and the "
                 "next link, de/dy, is w2; multiply those two: x * w2."),
        (w2, "That is de/dy alone: chain it with the first link, dy/dw1 = x, by multiplying."),
        (x, "That is dy/dw1 alone: chain it with the next link, de/dy = w2, by multiplying."),
        (x * w1 * w2, "That is the error e = x * w1 * w2 itself, not how fast it changes with w1."),
        (w1 * w2, "That is de/dx, the slope with respect to the input: the slope with respect to w1 is x * w2."),
    ]


@check("chain_slope", rule="de/dw1 = dy/dw1 * de/dy = x * w2")
def test_chain_slope_example(student, expect):
    expect.close(student.chain_slope(2.0, 3.0, 0.5), 1.0, tol=EXACT, slips=chain_slips(2.0, 3.0, 0.5))


@check("chain_slope", rule="the chain's slope is how much e changes when w1 is nudged")
def test_chain_slope_is_the_nudge(student, expect):
    x, w1, w2 = -1.5, 0.7, 4.0
    nudged = (x * (w1 + 0.5) * w2 - x * (w1 - 0.5) * w2) / 1.0
    expect.close(student.chain_slope(x, w1, w2), nudged, tol=EXACT, slips=chain_slips(x, w1, w2))


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("chain_slope", randomized=True)
def test_chain_slope_random(student, expect, ref, rng, case):
    x, w1, w2 = (uniform(rng, (), -5, 5) for _ in range(3))
    expect.close(student.chain_slope(x, w1, w2), ref.chain_slope(x, w1, w2), slips=chain_slips(x, w1, w2))


# ------------------------------------------------------------------ sigmoid_slope


def _sigmoid(x):
    return 1 / (1 + np.exp(-np.asarray(x, dtype=float)))


def sigmoid_slips(x):
    x = np.asarray(x, dtype=float)
    s = _sigmoid(x)
    return [
        (x * (1 - x), "That is x * (1 - x): the rule multiplies the sigmoid's output s = 1 / (1 + exp(-x)) "
                      "by 1 - s, not x by 1 - x."),
        (s, "That is the sigmoid itself: its slope is s * (1 - s)."),
        (1 - s ** 2, "That is 1 - s ** 2, the slope rule of tanh: the sigmoid's is s * (1 - s)."),
    ]


@check("sigmoid_slope", rule="the sigmoid is steepest at 0, where s = 0.5 and the slope is 0.25")
def test_sigmoid_slope_at_zero(student, expect):
    expect.close(student.sigmoid_slope(0.0), 0.25, tol=EXACT, slips=sigmoid_slips(0.0))


@check("sigmoid_slope", rule="elementwise on an array, the same slope at x and -x")
def test_sigmoid_slope_array(student, expect, ref):
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0, 6.0])
    expect.close(student.sigmoid_slope(x), ref.sigmoid_slope(x), tol=EXACT, slips=sigmoid_slips(x))


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("sigmoid_slope", randomized=True)
def test_sigmoid_slope_random(student, expect, ref, rng, case):
    x = uniform(rng, () if case == 1 else (5,), -6, 6)
    expect.close(student.sigmoid_slope(x), ref.sigmoid_slope(x), tol=EXACT, slips=sigmoid_slips(x))


# ------------------------------------------------------------------ squash


def squash_slips(x):
    x = np.asarray(x, dtype=float)
    return [
        (_sigmoid(x), "That is the logistic function, which squashes between 0 and 1: the talk's squash is the "
                      "hyperbolic tangent, between -1 and 1."),
        (x, "That is the vote unchanged: squash it with the hyperbolic tangent."),
        (np.clip(x, -1, 1), "That clips the vote to [-1, 1]: the talk's squash bends smoothly, so that 0.5 "
                            "comes out just under 0.5."),
        (np.tanh(x / 2), "That is 2 * sigmoid(x) - 1 = tanh(x / 2): it has the right range but half the slope; "
                         "tanh(x) = 2 * sigmoid(2 * x) - 1."),
    ]


@check("squash", trace="BP.squash.tanh")
def test_squash_talk(student, expect, trace):
    t = trace("BP.squash.tanh")
    x = np.array(t.inputs["x"], dtype=float)
    expect.close(student.squash(x), t.value, tol=EXACT, slips=[
        ([0.5, 0.6], "Those are the talk's words (\"just under 0.5\", \"about 0.6\"): compute the hyperbolic "
                     "tangent exactly, 0.4621... and 0.5717...."),
    ] + squash_slips(x))


@check("squash", rule="a number in, its squash out: 0.5 comes out just under 0.5")
def test_squash_number(student, expect, ref):
    expect.close(student.squash(0.5), ref.squash(0.5), tol=EXACT, slips=squash_slips(0.5))


@check("squash", rule="big votes come out close to 1 or -1, never beyond")
def test_squash_big_votes(student, expect, ref):
    x = np.array([-30.0, -3.0, -0.1, 0.0, 0.1, 3.0, 30.0])
    got = student.squash(x)
    expect.close(got, ref.squash(x), tol=EXACT, slips=squash_slips(x))


@pytest.mark.parametrize("case", range(2))
@check("squash", randomized=True)
def test_squash_random(student, expect, ref, rng, case):
    x = uniform(rng, (6,), -4, 4)
    expect.close(student.squash(x), ref.squash(x), tol=EXACT, slips=squash_slips(x))


# ------------------------------------------------------------------ shawarma_activity


def activity_slips(active, weights):
    active = np.asarray(active, dtype=float)
    weights = np.asarray(weights, dtype=float)
    n = max(active.sum(), 1)
    slips = [
        (weights.mean(axis=1), "That is the mean of all the weights of each output: average only the weights "
                               "from the active inputs."),
        ((weights * active).sum(axis=1) / len(active),
         "The inactive inputs were counted as zeros in the average: leave them out, and divide by the number "
         "of active inputs (%d), not of all inputs (%d)." % (active.sum(), len(active))),
        ((weights * active).sum(axis=1), "That is the sum of the weights from the active inputs: the talk "
                                         "takes their average."),
    ]
    if weights.shape[0] == weights.shape[1]:
        slips.append(((weights.T * active).sum(axis=1) / n,
                      "weights[i][j] goes from input j to output i: output i averages row i, not column i."))
    return slips


@pytest.mark.parametrize("kind", ["list", "array"])
@check("shawarma_activity", trace="BP.shawarma")
def test_shawarma_activity_talk(student, expect, trace, kind):
    t = trace("BP.shawarma")
    got = student.shawarma_activity(as_kind(SHAWARMA_DAY, kind), as_kind(SHAWARMA_WEIGHTS, kind))
    expect.close(got, t.value[:2], tol=t.tolerance, slips=activity_slips(SHAWARMA_DAY, SHAWARMA_WEIGHTS),
                 what="shawarma_activity(%s, %s) (the talk's day: active weights 0.3, 0.1 and 0.8, 0.4)"
                 % (SHAWARMA_DAY, SHAWARMA_WEIGHTS))


@check("shawarma_activity", rule="an output with no active input has activity 0")
def test_shawarma_activity_quiet_day(student, expect):
    weights = [[0.3, 0.9, 0.5], [0.8, 0.2, 0.7]]
    try:
        got = student.shawarma_activity([0, 0, 0], weights)
    except StudentProblem as problem:
        problem.explain_error("Here no input is active: there is no weight to average, and the activity is 0.")
        raise
    expect.close(got, [0.0, 0.0], tol=EXACT)


@pytest.mark.parametrize("case", range(4))
@check("shawarma_activity", randomized=True)
def test_shawarma_activity_random(student, expect, ref, rng, case):
    outputs, inputs = [(2, 4), (3, 3), (1, 6), (4, 4)][case]
    active = rng.integers(0, 2, inputs)
    active[rng.integers(0, inputs)] = 1
    weights = rng.uniform(0, 1, (outputs, inputs))
    kind = kind_for(case)
    got = student.shawarma_activity(as_kind(active, kind), as_kind(weights, kind))
    expect.close(got, ref.shawarma_activity(active.tolist(), weights.tolist()), slips=activity_slips(active, weights))


# ------------------------------------------------------------------ shawarma_error


def error_slips(activities, goal):
    activities = np.asarray(activities, dtype=float)
    return [
        (activities - goal, "That is activity - goal: the talk's error is goal minus activity (0.4 for 0.6)."),
        ((goal - activities) ** 2, "That is the error squared: the talk's error is goal - activity."),
        (1 - activities, "The goal was taken as 1: use the goal given."),
    ]


@check("shawarma_error", trace="BP.shawarma")
def test_shawarma_error_talk(student, expect, trace):
    t = trace("BP.shawarma")
    got = student.shawarma_error(SHAWARMA_DAY, SHAWARMA_WEIGHTS)
    expect.close(got, [1 - t.value[0], t.value[2]], tol=t.tolerance, slips=error_slips(t.value[:2], 1.0),
                 what="shawarma_error(%s, %s) (goal 1 by default)" % (SHAWARMA_DAY, SHAWARMA_WEIGHTS))


@check("shawarma_error", trace="BP.shawarma")
def test_shawarma_error_after_update(student, expect, trace):
    t = trace("BP.shawarma")
    got = student.shawarma_error(SHAWARMA_DAY, SHAWARMA_AFTER, 1.0)
    expect.close(got, [1 - t.value[0], t.value[3]], tol=t.tolerance, slips=error_slips([t.value[0], 0.7], 1.0),
                 what="shawarma_error(%s, %s, 1.0) (the second output's activity is now 0.7)"
                 % (SHAWARMA_DAY, SHAWARMA_AFTER))


@pytest.mark.parametrize("case", range(2))
@check("shawarma_error", randomized=True)
def test_shawarma_error_random(student, expect, ref, rng, case):
    active = rng.integers(0, 2, 5)
    active[rng.integers(0, 5)] = 1
    weights = rng.uniform(0, 1, (3, 5))
    goal = float(rng.choice([0.5, 0.8, 2.0]))
    kind = kind_for(case)
    got = student.shawarma_error(as_kind(active, kind), as_kind(weights, kind), goal)
    want = ref.shawarma_error(active.tolist(), weights.tolist(), goal)
    expect.close(got, want, slips=error_slips(ref.shawarma_activity(active.tolist(), weights.tolist()), goal))


# ------------------------------------------------------------------ best_guess


def guess_slips(counts, guess, rate, iterations):
    counts = np.asarray(counts, dtype=float)

    def run(step, times=iterations):
        g = guess
        for _ in range(times):
            g = step(g)
        return g

    with np.errstate(all="ignore"):
        slips = [
            (run(lambda g: g - rate * 2 * np.sum(g - counts)),
             "That sums the deviations over the bags: the slope of the mean squared deviation is 2 times "
             "their mean."),
            (run(lambda g: g + rate * 2 * np.mean(g - counts)),
             "The guess moved up the slope: subtract rate times the slope, so that it goes downhill."),
            (run(lambda g: g - rate * np.mean(g - counts)),
             "The 2 of the slope is missing: the slope of (guess - count) ** 2 is 2 * (guess - count)."),
        ]
    if iterations > 1:
        slips.append((run(lambda g: g - rate * 2 * np.mean(g - counts), 1),
                      "That is the guess after one step: take `iterations` steps."))
    return slips


@check("best_guess", trace="BP.mm-bags")
def test_best_guess_talk(student, expect, trace):
    t = trace("BP.mm-bags")
    bags = [float(b) for b in t.inputs["bags"]]
    got = student.best_guess(bags, 40.0, 0.1, 200)
    expect.close(got, t.value[0], tol={"abs": 1e-6}, slips=guess_slips(bags, 40.0, 0.1, 200),
                 what="best_guess([53, 57], 40.0, 0.1, 200) (the talk's two bags, from a guess of 40)")


@check("best_guess", rule="one step: guess - rate * 2 * mean(guess - counts)")
def test_best_guess_one_step(student, expect):
    expect.close(student.best_guess([53.0, 57.0], 40.0, 0.1, 1), 43.0, tol=EXACT,
                 slips=guess_slips([53.0, 57.0], 40.0, 0.1, 1))


@check("best_guess", rule="0 iterations return the starting guess")
def test_best_guess_no_step(student, expect):
    expect.close(student.best_guess([53.0, 57.0], 40.0, 0.1, 0), 40.0, tol=EXACT)


@check("best_guess", rule="after enough steps the guess settles on the mean count")
def test_best_guess_settles_on_the_mean(student, expect, rng):
    counts = rng.integers(45, 66, 10).astype(float)
    got = student.best_guess(counts.tolist(), 0.0, 0.1, 300)
    expect.close(got, float(counts.mean()), tol={"abs": 1e-6}, slips=guess_slips(counts, 0.0, 0.1, 300),
                 what="best_guess(%d bags, 0.0, 0.1, 300)" % len(counts))


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("best_guess", randomized=True)
def test_best_guess_random(student, expect, ref, rng, case):
    counts = rng.integers(40, 71, [3, 5, 2][case]).astype(float)
    guess = float(rng.integers(30, 80))
    rate, iterations = [(0.05, 4), (0.2, 7), (0.3, 2)][case]
    got = student.best_guess(as_kind(counts, kind_for(case)), guess, rate, iterations)
    expect.close(got, ref.best_guess(counts, guess, rate, iterations),
                 slips=guess_slips(counts, guess, rate, iterations))
