"""Grader of lesson 3 — forward propagation.

Each test is one check of one exercise (see ``autograder.grading.plugin``): the course's
traces with their printed precision, fresh randomized cases compared with the reference
solution (lists, tuples and arrays in turn), and the catalogue's rules.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variant named (tests/variants/lesson3/wrong/)
fails it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.grading import SIZE_ERRORS, StudentProblem, check
from autograder.grading.data import TRUNCATED, as_kind, integers, kind_for, truncated, uniform

RANDOM_CASES = range(3)

# check -> the slip it catches (variant proving it). Traces pin the course's numbers: a
# hard-coded answer passes them, the randomized cases do not.
FIXED_CASES = {
    "neural_network_trace": "input + weight, or any formula other than the product (neural_network_adds)",
    "neural_network_talk": "the same on the talk's numbers, as a second witness (neural_network_adds)",
    "w_sum_trace": "anything but the sum of the products, on lists and arrays (w_sum_returns_products)",
    "w_sum_local_predictions": "vectors of length one: a loop over range(3) (w_sum_range_three)",
    "w_sum_unequal_lengths_raise": "no length check: zip() silently drops the extra input "
                                   "(w_sum_no_length_check)",
    "w_sum_integer_inputs": "a products buffer made from an integer input (np.zeros_like(a)) truncates "
                            "every product (w_sum_integer_buffer)",
    "ele_mul_trace": "number + value instead of the product (ele_mul_adds)",
    "ele_mul_integer_vector": "an output buffer copied from an integer vector (np.array(vector)) truncates "
                              "the products (ele_mul_integer_buffer)",
    "vect_mat_mul_trace": "rows read as columns: the matrix transposed (vect_mat_mul_columns)",
    "vect_mat_mul_talk": "a .dot() method, which lists do not have (vect_mat_mul_dot_method)",
    "vect_mat_mul_non_square_integers": "an output buffer shaped like the input (np.zeros_like(vect)): one "
                                        "number per input instead of one per row, integer when the input "
                                        "is (vect_mat_mul_buffer_like_input)",
    "stacked_network_hidden": "the hidden layer computed from transposed weights (stacked_network_numpy_listing)",
    "stacked_network_trace": "the hidden layer skipped: one layer only (stacked_network_one_layer)",
    "stacked_network_non_square_integers": "layers assumed square: weights read by columns, as the NumPy "
                                           "listing stores them, fail a 2-3-1 network "
                                           "(stacked_network_numpy_listing)",
    "dot_shape_trace": "the outer numbers compared instead of the inner ones (dot_shape_inner)",
}


# ------------------------------------------------------------------ neural_network


@check("neural_network", trace="L3.single.pred")
def test_neural_network_trace(student, expect, trace):
    t = trace("L3.single.pred")
    expect.close(student.neural_network(t.inputs["input"], t.inputs["weight"]), t.value, tol=t.tolerance)


@check("neural_network", trace="T000.single.pred")
def test_neural_network_talk(student, expect, trace):
    t = trace("T000.single.pred")
    expect.close(student.neural_network(t.inputs["input"], t.inputs["weight"]), t.value, tol=t.tolerance)


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("neural_network", randomized=True)
def test_neural_network_random(student, expect, ref, rng, case):
    x, w = uniform(rng, (), -10, 10), uniform(rng)
    expect.close(student.neural_network(x, w), ref.neural_network(x, w))


# ------------------------------------------------------------------ w_sum


@pytest.mark.parametrize("kind", ["list", "array"])
@check("w_sum", trace="L3.multi-input.pred")
def test_w_sum_trace(student, expect, trace, kind):
    t = trace("L3.multi-input.pred")
    a, b = as_kind(t.inputs["input"], kind), as_kind(t.inputs["weights"], kind)
    expect.close(student.w_sum(a, b), t.value, tol=t.tolerance)


@check("w_sum", trace="L3.multi-input.local-preds")
def test_w_sum_local_predictions(student, expect, trace):
    """Each input's share of the prediction is a weighted sum of length one."""
    t = trace("L3.multi-input.local-preds")
    got = [student.w_sum([x], [w]) for x, w in zip(t.inputs["input"], t.inputs["weights"])]
    expect.close(got, t.value, tol=t.tolerance,
                 what="w_sum([x], [w]) for each input of %s" % t.inputs["input"])


@check("w_sum", trace="L3.dot.examples")
def test_w_sum_dot_table(student, expect, trace):
    t = trace("L3.dot.examples")
    v = t.inputs
    pairs = [("a", "b"), ("b", "c"), ("b", "d"), ("c", "c"), ("d", "d"), ("c", "e")]
    got = [student.w_sum(v[x], v[y]) for x, y in pairs]
    expect.close(got, t.value, tol=t.tolerance,
                 what="the dot-product table w_sum(a,b), w_sum(b,c), w_sum(b,d), w_sum(c,c), w_sum(d,d), w_sum(c,e)",
                 slips=[([0, 1, 1, 2, 0.5, 1], "That last 1 comes from the later slide's e = [-1, 1, 0, 0]; "
                                              "the table was computed with e = [0, 1, -1, 0].")])


@pytest.mark.parametrize("case", range(4))
@check("w_sum", randomized=True)
def test_w_sum_random(student, expect, ref, rng, case):
    n = [1, 5, 8, 2][case]
    a, b = uniform(rng, n), uniform(rng, n)
    kind = kind_for(case)
    try:
        got = student.w_sum(as_kind(a, kind), as_kind(b, kind))
    except StudentProblem as problem:
        if n != 3 and problem.kind in SIZE_ERRORS:
            problem.explain("This case has vectors of length %d: a loop over range(3) or a fixed-size "
                            "list only works for three numbers." % n)
        raise
    expect.close(got, ref.w_sum(a, b))


@check("w_sum", rule="vectors of different lengths raise an exception")
def test_w_sum_unequal_lengths_raise(student, expect):
    # The function must work on equal lengths first, so that an unwritten stub cannot pass.
    expect.close(student.w_sum([1.0, 2.0], [3.0, 4.0]), 11.0)
    outcome = student.attempt("w_sum", [1.0, 2.0, 3.0], [1.0, 2.0])
    expect.true(outcome.status == "raised" and outcome.info.get("type") != "NotImplementedError",
                "w_sum([1, 2, 3], [1, 2]) returned %r instead of raising an exception: vectors of "
                "different lengths have no weighted sum (catalogue rule). Add "
                "a check of the two lengths that raises (an assert, or a ValueError)." % (outcome.value,))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("w_sum", rule="integer inputs are numbers like any other")
def test_w_sum_integer_inputs(student, expect, kind):
    a, b = integers([3, 2, 5], kind), [0.5, 0.25, 0.1]
    expect.close(student.w_sum(a, b), 2.5, what="w_sum(%s, %s) (integer inputs, float weights)" % (
        "[3, 2, 5]" if kind == "list" else "np.array([3, 2, 5])", b),
        slips=[(float(truncated([1.5, 0.5, 0.5]).sum()), TRUNCATED)])


# ------------------------------------------------------------------ ele_mul


@pytest.mark.parametrize("kind", ["list", "array"])
@check("ele_mul", trace="L3.multi-output.pred")
def test_ele_mul_trace(student, expect, trace, kind):
    t = trace("L3.multi-output.pred")
    expect.close(student.ele_mul(t.inputs["input"], as_kind(t.inputs["weights"], kind)), t.value, tol=t.tolerance)


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("ele_mul", randomized=True)
def test_ele_mul_random(student, expect, ref, rng, case):
    n = [5, 1, 7][case]
    number, vector = uniform(rng, (), -3, 3), uniform(rng, n)
    try:
        got = student.ele_mul(number, as_kind(vector, kind_for(case)))
    except StudentProblem as problem:
        if problem.kind in SIZE_ERRORS:  # not a list times a float
            problem.explain("This vector has %d elements: a fixed output = [0, 0, 0] (or an assert that the "
                            "length is 3) only works for three. Build the output from the input's length." % n)
        raise
    expect.close(got, ref.ele_mul(number, vector))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("ele_mul", rule="integer vectors are vectors like any other")
def test_ele_mul_integer_vector(student, expect, kind):
    vector = integers([3, 4, 5], kind)
    expect.close(student.ele_mul(0.5, vector), [1.5, 2.0, 2.5],
                 what="ele_mul(0.5, %s) (an integer vector)" % ("[3, 4, 5]" if kind == "list" else "np.array([3, 4, 5])"),
                 slips=[(truncated([1.5, 2.0, 2.5]), TRUNCATED)])


# ------------------------------------------------------------------ vect_mat_mul


@pytest.mark.parametrize("kind", ["list", "array"])
@check("vect_mat_mul", trace="L3.multi-io.pred")
def test_vect_mat_mul_trace(student, expect, trace, kind):
    t = trace("L3.multi-io.pred")
    vect, matrix = as_kind(t.inputs["input"], kind), as_kind(t.inputs["weights"], kind)
    expect.close(student.vect_mat_mul(vect, matrix), t.value, tol=t.tolerance)


@check("vect_mat_mul", trace="T000.multi-io.pred")
def test_vect_mat_mul_talk(student, expect, trace):
    t = trace("T000.multi-io.pred")
    expect.close(student.vect_mat_mul(t.inputs["input"], t.inputs["weights"]), t.value, tol=t.tolerance)


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("vect_mat_mul", randomized=True)
def test_vect_mat_mul_random(student, expect, ref, rng, case):
    rows, cols = [(2, 4), (4, 2), (1, 5)][case]
    vect, matrix = uniform(rng, cols), uniform(rng, (rows, cols))
    try:
        got = student.vect_mat_mul(as_kind(vect, kind_for(case)), as_kind(matrix, kind_for(case)))
    except StudentProblem as problem:
        problem.explain("This matrix has %d rows of %d weights: the number of outputs is the number of "
                        "rows, and nothing may assume three of anything or a square matrix." % (rows, cols))
        raise
    expect.close(got, ref.vect_mat_mul(vect, matrix))


@pytest.mark.parametrize("kind", ["list", "array"])
@check("vect_mat_mul", rule="two rows of three weights give two outputs, integers included")
def test_vect_mat_mul_non_square_integers(student, expect, kind):
    vect, matrix = integers([1, 2, 3], kind), [[0.5, 0.25, 0.5], [1, 0, 2]]
    call = "vect_mat_mul(%s, [[0.5, 0.25, 0.5], [1, 0, 2]]) (integer inputs; two rows, two outputs)" % (
        "[1, 2, 3]" if kind == "list" else "np.array([1, 2, 3])")
    try:
        got = student.vect_mat_mul(vect, matrix)
    except StudentProblem as problem:
        problem.explain("This matrix has 2 rows of 3 weights: one output per row, and nothing may assume a "
                        "square matrix.")
        raise
    expect.close(got, [2.5, 7.0], what=call, slips=[
        ([2, 7, 0], "That output has one number per input (3), not one per row of the matrix (2), and "
                    "2.5 became 2: a buffer made like the input (np.zeros_like(vect)) has the input's "
                    "length and, for an integer input, its integer dtype. Make one float per row."),
        (truncated([2.5, 7.0]), TRUNCATED)])


# ------------------------------------------------------------------ stacked_network


@check("stacked_network", trace="L3.stacked.hidden")
def test_stacked_network_hidden(student, expect, trace):
    """With an identity output layer, the prediction is the hidden layer itself."""
    t = trace("L3.stacked.hidden")
    identity = np.eye(3).tolist()
    got = student.stacked_network(t.inputs["input"], [t.inputs["ih_wgt"], identity])
    expect.close(got, t.value, tol=t.tolerance,
                 what="stacked_network(input, [ih_wgt, identity]) (the hidden layer)")


@pytest.mark.parametrize("kind", ["list", "array"])
@check("stacked_network", trace="L3.stacked.pred")
def test_stacked_network_trace(student, expect, trace, kind):
    t = trace("L3.stacked.pred")
    x, ih, hp = t.inputs["input"], t.inputs["ih_wgt"], t.inputs["hp_wgt"]
    weights = [as_kind(ih, kind), as_kind(hp, kind)]
    expect.close(student.stacked_network(as_kind(x, kind), weights), t.value, tol=t.tolerance)


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("stacked_network", randomized=True)
def test_stacked_network_random(student, expect, ref, rng, case):
    n_in, n_hidden, n_out = [(4, 2, 3), (2, 5, 1), (3, 3, 2)][case]
    x = uniform(rng, n_in)
    weights = [uniform(rng, (n_hidden, n_in)), uniform(rng, (n_out, n_hidden))]
    kind = kind_for(case)
    try:
        got = student.stacked_network(as_kind(x, kind), [as_kind(w, kind) for w in weights])
    except StudentProblem as problem:
        problem.explain("Here %d inputs feed %d hidden units and %d outputs: weights[0] is %dx%d and "
                        "weights[1] is %dx%d (one row per unit produced)."
                        % (n_in, n_hidden, n_out, n_hidden, n_in, n_out, n_hidden))
        raise
    expect.close(got, ref.stacked_network(x, weights))


@check("stacked_network", rule="layers of any sizes: 2 inputs, 3 hidden units, 1 output")
def test_stacked_network_non_square_integers(student, expect):
    weights = [[[1, 0], [0, 1], [1, 1]], [[0.5, 0.5, 0.25]]]
    try:
        got = student.stacked_network([1, 2], weights)
    except StudentProblem as problem:
        problem.explain("weights[0] is 3x2 (3 hidden units, each with 2 input weights) and weights[1] "
                        "is 1x3 (1 output over 3 hidden units): one row per unit produced, as vect_mat_mul "
                        "reads them.")
        raise
    expect.close(got, [2.25], what="stacked_network([1, 2], %s) (hidden [1, 2, 3], one output)" % weights)


# ------------------------------------------------------------------ dot_shape


@check("dot_shape", trace="L3.numpy.dot-shapes")
def test_dot_shape_trace(student, expect, trace):
    t = trace("L3.numpy.dot-shapes")
    got = [student.dot_shape(tuple(a), tuple(b)) for a, b in t.inputs["pairs"]]
    expect.close(got, t.value, tol=t.tolerance, what="dot_shape for the primer's shape pairs")
    outcome = student.call("dot_shape", (5, 4), (5, 6))
    expect.true(outcome is None, "dot_shape((5, 4), (5, 6)) returned %r, expected None: the inner numbers "
                                 "4 and 5 differ, so NumPy 'throws an error' (trace L3.numpy.dot-shapes)." % (outcome,))


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("dot_shape", randomized=True)
def test_dot_shape_random(student, expect, ref, rng, case):
    a = tuple(int(v) for v in rng.integers(1, 9, 2))
    b = (a[1] if case != 2 else a[1] + 1, int(rng.integers(1, 9)))
    got = student.dot_shape(a, b)
    want = ref.dot_shape(a, b)
    if want is None:
        expect.true(got is None, "dot_shape(%s, %s) returned %r, expected None: %d and %d differ."
                    % (a, b, got, a[1], b[0]))
    else:
        expect.close(got, want)
