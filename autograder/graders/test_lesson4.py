"""Grader of lesson 4 — gradient descent.

Each test is one check of one exercise (see ``autograder.grading.plugin``): the course's
traces with their tolerances, fresh randomized cases compared with the reference solution
(ints and floats; starting points chosen so that no step is a near-tie that rounding
could decide), and the catalogue's rules (hot_cold_step always moves unless the two trial
errors are exactly equal; histories are measured before each update; 0 iterations give an
empty history).

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson4/wrong/)
fail it, which the kit's tests check. Scalars of integer type are in the fixed cases
(hot_cold_step(2, 5, 3, 1)...) and in every second randomized case.
"""

import numpy as np
import pytest

from autograder.grading import CheckFailed, check
from autograder.grading.data import uniform

RANDOM_CASES = range(3)

# check -> the slip it catches (variants proving it).
FIXED_CASES = {
    "squared_error_trace": "the absolute error |prediction - goal| (squared_error_absolute)",
    "squared_error_hot_cold_errors": "the course's 0.3025 hard-coded (squared_error_hardcoded)",
    "hot_cold_step_trace": "the two moves swapped (hot_cold_step_wrong_way)",
    "hot_cold_step_moves_when_both_worse": "staying when both trials are worse than the current error, "
                                           "which the catalogue does not do; a down-better case too "
                                           "(hot_cold_step_stays_when_worse, hot_cold_step_always_up)",
    "hot_cold_step_steps_down": "a step that always goes up, never comparing the errors; a direction "
                                "chosen by prediction < goal, wrong for a negative input "
                                "(hot_cold_step_always_up, hot_cold_step_by_prediction)",
    "hot_cold_step_stays_on_a_tie": "an else branch (or <=) that moves on an exact tie "
                                    "(hot_cold_step_moves_on_tie, hot_cold_step_tie_moves_down)",
    "hot_cold_learning_trace": "a loop that stops once the error is small (hot_cold_learning_stops_when_close)",
    "hot_cold_learning_step10": "a weight that never moves (hot_cold_learning_never_updates)",
    "hot_cold_learning_zero_iterations": "one iteration too many (hot_cold_learning_one_too_long)",
    "gradient_descent_step_trace": "alpha left out (gradient_descent_step_missing_alpha)",
    "gradient_descent_step_talk": "the weight moved up the slope (gradient_descent_step_sign_flip)",
    "gradient_descent_step_chain": "the input left out of weight_delta (gradient_descent_step_no_input)",
    "gradient_descent_direction_and_amount": "a weight that never moves (gradient_descent_never_updates)",
    "gradient_descent_breaking_input_half": "(prediction, error) instead of (error, prediction) "
                                            "(gradient_descent_swapped_pair)",
    "gradient_descent_reducing_error": "the error measured after the update "
                                       "(gradient_descent_error_after_update)",
    "gradient_descent_several_steps": "one iteration short (gradient_descent_one_short)",
    "gradient_descent_one_iteration": "one iteration too many (gradient_descent_one_too_long)",
    "gradient_descent_divergence": "a history hard-coded from the course's run (gradient_descent_hardcoded)",
    "gradient_descent_alpha": "alpha ignored: only the alpha run tells (gradient_descent_ignores_alpha)",
    "gradient_descent_zero_iterations": "one iteration short (gradient_descent_one_short)",
}


def history(rows):
    """A history as an ``(n, 2)`` float array (an empty one keeps its two columns)."""
    return np.asarray(rows, dtype=float).reshape(-1, 2)


def history_slips(run, iterations):
    """Classic slips of a training loop, computed with the reference ``run(n)``."""
    right = history(run(iterations))
    slips = [
        (history(run(iterations + 1))[1:],
         "These are the errors and predictions measured after each update: record the pair "
         "before updating the weight, as the course prints it (the first entry belongs to "
         "the starting weight)."),
        (right[:, ::-1],
         "Each entry is (error, prediction), in that order: yours has them swapped."),
        (history(run(iterations + 1)),
         "That history has one entry too many: the loop must run exactly `iterations` times "
         "(for _ in range(iterations))."),
    ]
    if iterations:
        slips.append((history(run(iterations - 1)),
                      "That history is one entry short: the loop must run exactly `iterations` "
                      "times (for _ in range(iterations))."))
    return slips


def step_slips(x, w, g, a):
    """Classic slips of one gradient-descent step (the reference's formula, altered)."""
    weight_delta = (x * w - g) * x
    return [
        (w + a * weight_delta,
         "The weight moved the wrong way: subtract alpha * weight_delta (the error must go "
         "down), do not add it."),
        (w - weight_delta,
         "That is the step without alpha: multiply weight_delta by alpha before subtracting it."),
        (w - 2 * a * weight_delta,
         "That step is twice as big as it should be: is alpha applied twice?"),
        (w - a * (x * w - g),
         "weight_delta is delta multiplied by the input: the input is missing from the step."),
    ]


def hot_cold_case(rng, case):
    """``(input, weight, goal, step_amount)`` for randomized hot-and-cold cases.

    The start lies a whole number of steps plus a fraction f in [0.2, 0.8] of a step
    away from the best weight, so every comparison of the two trials is clear-cut.
    """
    if case == 1:  # ints: the best weight is a half-integer, the step 1
        x = int(rng.choice([-2, 2]))
        goal = int(rng.integers(-5, 5)) * 2 + 1
        weight = int(rng.integers(-12, 13))
        return x, weight, goal, 1
    x = float(rng.choice([-1.0, 1.0]) * rng.uniform(0.3, 2.0))
    if case == 0:
        x = abs(x)
    goal = uniform(rng, (), -2, 2)
    step = float(rng.uniform(0.01, 0.5))
    distance = (int(rng.integers(0, 25)) + float(rng.uniform(0.2, 0.8))) * step
    weight = goal / x - float(rng.choice([-1.0, 1.0])) * distance
    return x, weight, goal, step


def gradient_case(rng, case):
    """``(input, weight, goal, alpha)`` with alpha * input**2 < 2, so that the run converges."""
    if case == 1:  # ints, except alpha
        x = int(rng.choice([-2, -1, 1, 2]))
        return x, int(rng.integers(-5, 6)), int(rng.integers(-5, 6)), float(rng.choice([0.05, 0.1, 0.2, 0.3]))
    return uniform(rng, (), -2, 2), uniform(rng, (), -2, 2), uniform(rng, (), -2, 2), float(rng.uniform(0.01, 0.4))


# ------------------------------------------------------------------ squared_error


def _error_slips(prediction, goal):
    return [(abs(prediction - goal), "That is the absolute error: square the difference "
                                     "instead."),
            (prediction - goal, "That is the pure error, not squared yet: multiply it by itself.")]


@check("squared_error", trace="L4.compare.error")
def test_squared_error_trace(student, expect, trace):
    t = trace("L4.compare.error")
    prediction, goal = t.inputs["input"] * t.inputs["weight"], t.inputs["goal_pred"]
    expect.close(student.squared_error(prediction, goal), t.value, tol=t.tolerance,
                 slips=_error_slips(prediction, goal))


@check("squared_error", trace="L4.hot-cold.one-iteration")
def test_squared_error_hot_cold_errors(student, expect, trace):
    """The errors of the first hot-and-cold iteration: at the weight, a step up, a step down,
    and at the new weight."""
    t = trace("L4.hot-cold.one-iteration")
    x, w, lr, goal = t.inputs["input"], t.inputs["weight"], t.inputs["lr"], t.inputs["true"]
    error, e_up, e_dn, new_weight, new_error = t.value
    predictions = [x * w, x * (w + lr), x * (w - lr), x * new_weight]
    got = [student.squared_error(p, goal) for p in predictions]
    expect.close(got, [error, e_up, e_dn, new_error], tol=t.tolerance,
                 what="squared_error of the predictions 8.5 * 0.1, 8.5 * 0.11, 8.5 * 0.09 and "
                      "8.5 * 0.11 with the goal 1")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("squared_error", randomized=True)
def test_squared_error_random(student, expect, ref, rng, case):
    if case == 1:
        prediction, goal = int(rng.integers(-9, 10)), int(rng.integers(-9, 10))
        if prediction == goal:
            goal += 3
    else:
        prediction, goal = uniform(rng, (), -3, 3), uniform(rng, (), -3, 3)
        if case == 2:  # a prediction above the goal: the pure error is positive
            prediction, goal = max(prediction, goal) + 0.5, min(prediction, goal)
    expect.close(student.squared_error(prediction, goal), ref.squared_error(prediction, goal),
                 slips=_error_slips(prediction, goal))


# ------------------------------------------------------------------ hot_cold_step

WRONG_WAY = ("The weight moved toward the trial with the higher error: go down when the "
             "down error is lower, up when the up error is lower.")


@check("hot_cold_step", trace="L4.hot-cold.one-iteration")
def test_hot_cold_step_trace(student, expect, trace):
    t = trace("L4.hot-cold.one-iteration")
    x, w, lr, goal = t.inputs["input"], t.inputs["weight"], t.inputs["lr"], t.inputs["true"]
    expect.close(student.hot_cold_step(x, w, goal, lr), t.value[3], tol=t.tolerance,
                 slips=[(w - lr, WRONG_WAY),
                        (w, "The weight did not move, although a step up lowers the error from "
                            "0.0225 to 0.004225.")])


@check("hot_cold_step", rule="it moves to the better trial even when both are worse than staying")
def test_hot_cold_step_moves_when_both_worse(student, expect, ref):
    stayed = ("The weight stayed. The catalogue: hot_cold_step always moves to the better trial even "
              "when both are worse than staying; that is why the course's run ends oscillating "
              "between 0.8 and 0.8005. Do not compare the trials with the current error.")
    cases = [
        # Prediction 6 misses the goal 6.5 by 0.5; up (8) misses by 1.5, down (4) by 2.5.
        ((2, 3, 6.5, 1), None),
        # The same the other way: goal 5.5; up (8) misses by 2.5, down (4) by 1.5.
        ((2, 3, 5.5, 1), None),
        # The course's run after 1100 steps: its prediction 0.7999999999999672 is just below 0.8.
        ((0.5, 1.5999999999999344, 0.8, 0.001),
         "hot_cold_step(0.5, 1.5999999999999344, 0.8, 0.001) (the course's weight after 1100 "
         "steps, predicting 0.7999999999999672)"),
    ]
    for (x, w, goal, step), what in cases:
        expect.close(student.hot_cold_step(x, w, goal, step), ref.hot_cold_step(x, w, goal, step), what=what,
                     slips=[(w, stayed), (ref.hot_cold_step(x, w, goal, -step), WRONG_WAY)])


ALWAYS_UP = ("The weight went up where a step down gives the lower error: compute the error of both "
             "trials, weight + step_amount and weight - step_amount, and move toward the lower one.")


@check("hot_cold_step", rule="it steps down when the step down has the lower error")
def test_hot_cold_step_steps_down(student, expect):
    # Prediction 10 above the goal 3 (integers): down (8) is better than up (12).
    expect.close(student.hot_cold_step(2, 5, 3, 1), 4, slips=[(6, ALWAYS_UP)])
    # A negative input: prediction -2 below the goal -1, yet down (w 0.75, prediction -1.5) is
    # better than up (w 1.25, prediction -2.5): a higher weight lowers the prediction.
    expect.close(student.hot_cold_step(-2, 1, -1, 0.25), 0.75, slips=[
        (1.25, "The weight went up because the prediction (-2) is below the goal (-1), but the input "
               "is negative: a higher weight lowers the prediction. Compare the errors of the two "
               "trials, not the prediction with the goal.")])


@check("hot_cold_step", rule="it stays only on an exact tie")
def test_hot_cold_step_stays_on_a_tie(student, expect):
    # First a case with a clear winner, so that the tie's explanations speak only to code
    # that compares the two errors at all.
    expect.close(student.hot_cold_step(2, 5, 3, 1), 4, what="hot_cold_step(2, 5, 3, 1) (a step down is "
                 "better here; the ties come next)", slips=[(6, ALWAYS_UP)])
    # The prediction is exactly the goal (errors 4 and 4), then an input of 0 (every
    # prediction is 0): the two trials have exactly equal errors.
    for x, w, goal, step in [(2, 3, 6, 1), (0, 0.5, 0.8, 0.1)]:
        expect.close(student.hot_cold_step(x, w, goal, step), w,
                     slips=[(w + step, "The two trial errors are exactly equal here, and the "
                                       "catalogue keeps the weight on a tie: an `else` branch "
                                       "moves it anyway. Use two comparisons, < and >."),
                            (w - step, "The two trial errors are exactly equal here, and the "
                                       "catalogue keeps the weight on a tie: a `<=` (or an "
                                       "`else`) moves it anyway. Use two comparisons, < and >.")])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("hot_cold_step", randomized=True)
def test_hot_cold_step_random(student, expect, ref, rng, case):
    x, w, goal, step = hot_cold_case(rng, case)
    expect.close(student.hot_cold_step(x, w, goal, step), ref.hot_cold_step(x, w, goal, step),
                 slips=[(ref.hot_cold_step(x, w, goal, -step), WRONG_WAY)])


# ------------------------------------------------------------------ hot_cold_learning


def _first_wrong_row(got, expected, tol):
    """The index of the first row of ``got`` that differs from ``expected`` (-1 when the
    shapes differ)."""
    try:
        g = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return -1
    e = np.asarray(expected, dtype=float)
    if g.shape != e.shape:
        return -1
    with np.errstate(invalid="ignore"):
        ok = (np.abs(g - e) <= tol.get("abs", 0) + tol.get("rel", 0) * np.abs(e)).all(axis=1)
    return int(np.argmin(ok)) if not ok.all() else -1


@check("hot_cold_learning", trace="L4.hot-cold.loop-1101")
def test_hot_cold_learning_trace(student, expect, ref, trace):
    t = trace("L4.hot-cold.loop-1101")
    v = t.inputs
    args = (v["input"], v["weight"], v["goal_prediction"], v["step_amount"])
    got = student.hot_cold_learning(*args, v["iterations"])
    try:
        expect.close(got, t.value, tol=t.tolerance,
                     slips=history_slips(lambda n: ref.hot_cold_learning(*args, n), v["iterations"]))
    except CheckFailed as failed:
        if _first_wrong_row(got, t.value, t.tolerance) >= 1000:
            raise CheckFailed("%s (If you compare your printout with the slide: its "
                              "'Error:2.5000000033e-07' at iteration 1099 is a misprint of "
                              "2.50000000033e-07.)" % failed, failed.words) from None
        raise


@check("hot_cold_learning", trace="L4.hot-cold.step10")
def test_hot_cold_learning_step10(student, expect, ref, trace):
    t = trace("L4.hot-cold.step10")
    v = t.inputs
    args = (v["input"], v["weight"], v["goal_prediction"], v["step_amount"])
    n = len(t.value)
    expect.close(student.hot_cold_learning(*args, n), t.value, tol=t.tolerance,
                 slips=history_slips(lambda k: ref.hot_cold_learning(*args, k), n))


@check("hot_cold_learning", rule="0 iterations give an empty history")
def test_hot_cold_learning_zero_iterations(student, expect, ref):
    # One iteration first, so that a function that always returns [] cannot pass.
    expect.close(student.hot_cold_learning(0.5, 0.5, 0.8, 0.001, 1), history(ref.hot_cold_learning(0.5, 0.5, 0.8, 0.001, 1)))
    expect.close(student.hot_cold_learning(0.5, 0.5, 0.8, 0.001, 0), history([]),
                 what="hot_cold_learning(0.5, 0.5, 0.8, 0.001, 0) (zero iterations: an empty history)")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("hot_cold_learning", randomized=True)
def test_hot_cold_learning_random(student, expect, ref, rng, case):
    args = hot_cold_case(rng, case)
    n = int(rng.integers(1, 31))
    expect.close(student.hot_cold_learning(*args, n), history(ref.hot_cold_learning(*args, n)),
                 slips=history_slips(lambda k: ref.hot_cold_learning(*args, k), n))


# ------------------------------------------------------------------ gradient_descent_step


@check("gradient_descent_step", trace="L4.gd.one-iteration")
def test_gradient_descent_step_trace(student, expect, trace):
    t = trace("L4.gd.one-iteration")
    v = t.inputs
    x, w, goal, alpha = v["input"], v["weight"], v["goal_pred"], v["alpha"]
    expect.close(student.gradient_descent_step(x, w, goal, alpha), t.value[4], tol=t.tolerance,
                 slips=step_slips(x, w, goal, alpha) + [
                     (w - alpha * -1.25, "That uses the weight_delta -1.25 printed on a later slide, "
                                         "a misprint: 8.5 * -0.15 = -1.275.")])


@check("gradient_descent_step", trace="T000.gd.one-iteration")
def test_gradient_descent_step_talk(student, expect, trace):
    """The talk's numbers: with alpha = 1 the weight moves by the whole weight_delta
    (spoken as 'negative 1.25', really -1.275); with alpha = 0.01 it becomes 0.11275."""
    t = trace("T000.gd.one-iteration")
    v = t.inputs
    x, w, goal, alpha = v["input"], v["weight"], v["goal_prediction"], v["alpha"]
    prediction, error, delta, weight_delta, new_weight = t.value
    expect.close(student.gradient_descent_step(x, w, goal, 1), w - weight_delta, tol=t.tolerance,
                 what="gradient_descent_step(8.5, 0.1, 1, 1) (alpha 1: the weight minus the whole "
                      "weight_delta, 8.5 * -0.15 = -1.275)",
                 slips=step_slips(x, w, goal, 1) + [
                     (w + 1.25, "The talk says 'negative 1.25' for the weight_delta: a misquote "
                                "of 8.5 * -0.15 = -1.275.")])
    expect.close(student.gradient_descent_step(x, w, goal, alpha), new_weight, tol=t.tolerance,
                 slips=step_slips(x, w, goal, alpha))


@check("gradient_descent_step", trace="L4.gd.several-steps")
def test_gradient_descent_step_chain(student, expect, trace):
    """Four steps in a row from weight 0.0 (input 1.1, goal 0.8, no alpha): each step
    starts from the weight your previous step returned."""
    t = trace("L4.gd.several-steps")
    v = t.inputs
    rows = t.value
    expected = [row[0] for row in rows[1:]] + [rows[-1][0] - rows[-1][4]]
    weight, got = v["weight"], []
    for _ in range(v["iterations"]):
        weight = student.gradient_descent_step(v["input"], weight, v["goal_pred"], 1)
        got.append(weight)
    expect.close(got, expected, tol=t.tolerance,
                 what="the weights after each of 4 chained gradient_descent_step(1.1, weight, 0.8, 1)")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("gradient_descent_step", randomized=True)
def test_gradient_descent_step_random(student, expect, ref, rng, case):
    x, w, goal, alpha = gradient_case(rng, case)
    if case == 1 and x * w == goal:
        goal += 1  # a step that moves
    expect.close(student.gradient_descent_step(x, w, goal, alpha), ref.gradient_descent_step(x, w, goal, alpha),
                 slips=step_slips(x, w, goal, alpha))


# ------------------------------------------------------------------ gradient_descent


def _gradient_trace(student, expect, ref, t, alpha, goal_key="goal_pred"):
    v = t.inputs
    args = (v["input"], v["weight"], v[goal_key], alpha)
    n = v["iterations"]
    expect.close(student.gradient_descent(*args, n), t.value, tol=t.tolerance,
                 slips=history_slips(lambda k: ref.gradient_descent(*args, k), n))


@check("gradient_descent", trace="L4.gd.direction-and-amount")
def test_gradient_descent_direction_and_amount(student, expect, ref, trace):
    _gradient_trace(student, expect, ref, trace("L4.gd.direction-and-amount"), 1)


@check("gradient_descent", trace="L4.gd.breaking-input-0.5")
def test_gradient_descent_breaking_input_half(student, expect, ref, trace):
    _gradient_trace(student, expect, ref, trace("L4.gd.breaking-input-0.5"), 1.0)


@check("gradient_descent", trace="L4.gd.reducing-error-4")
def test_gradient_descent_reducing_error(student, expect, ref, trace):
    _gradient_trace(student, expect, ref, trace("L4.gd.reducing-error-4"), 1)


@check("gradient_descent", trace="L4.gd.several-steps")
def test_gradient_descent_several_steps(student, expect, ref, trace):
    t = trace("L4.gd.several-steps")
    v = t.inputs
    args = (v["input"], v["weight"], v["goal_pred"], 1)
    n = v["iterations"]
    expect.close(student.gradient_descent(*args, n), [row[1:3] for row in t.value], tol=t.tolerance,
                 slips=history_slips(lambda k: ref.gradient_descent(*args, k), n))


@check("gradient_descent", trace="L4.gd.one-iteration")
def test_gradient_descent_one_iteration(student, expect, ref, trace):
    t = trace("L4.gd.one-iteration")
    v = t.inputs
    args = (v["input"], v["weight"], v["goal_pred"], v["alpha"])
    prediction, error = t.value[:2]
    expect.close(student.gradient_descent(*args, 1), [[error, prediction]], tol=t.tolerance,
                 slips=history_slips(lambda k: ref.gradient_descent(*args, k), 1))


@check("gradient_descent", trace="L4.divergence.input2")
def test_gradient_descent_divergence(student, expect, ref, trace):
    """Input 2 without alpha: the prediction overshoots by three times more at every step.
    The values explode on purpose; the tolerance is relative."""
    _gradient_trace(student, expect, ref, trace("L4.divergence.input2"), 1)


@check("gradient_descent", trace="L4.alpha.input2-alpha0.1")
def test_gradient_descent_alpha(student, expect, ref, trace):
    t = trace("L4.alpha.input2-alpha0.1")
    _gradient_trace(student, expect, ref, t, t.inputs["alpha"])


@check("gradient_descent", rule="0 iterations give an empty history")
def test_gradient_descent_zero_iterations(student, expect, ref):
    # One iteration first, so that a function that always returns [] cannot pass.
    expect.close(student.gradient_descent(2, 0.5, 0.8, 0.1, 1), history(ref.gradient_descent(2, 0.5, 0.8, 0.1, 1)))
    expect.close(student.gradient_descent(2, 0.5, 0.8, 0.1, 0), history([]),
                 what="gradient_descent(2, 0.5, 0.8, 0.1, 0) (zero iterations: an empty history)")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("gradient_descent", randomized=True)
def test_gradient_descent_random(student, expect, ref, rng, case):
    args = gradient_case(rng, case)
    n = int(rng.integers(1, 31))
    expect.close(student.gradient_descent(*args, n), history(ref.gradient_descent(*args, n)),
                 slips=history_slips(lambda k: ref.gradient_descent(*args, k), n))
