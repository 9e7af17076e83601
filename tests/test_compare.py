"""Messages a learner reads when an answer is wrong: each names the actual problem."""

import numpy as np
import pytest

from autograder.grading.compare import fmt, mismatch
from autograder.sandbox.protocol import Unsupported


@pytest.mark.parametrize("got,expected,words", [
    (None, 0.98, "is a `return` statement missing?"),
    (float("nan"), 0.98, "NaN"),
    ([0.1, float("nan"), 0.3], [0.1, 0.2, 0.3], "NaN (not a number"),
    ([0.1, float("inf")], [0.1, 0.2], "infinity"),
    ([0.1, 0.2], [0.1, 0.2, 0.3], "returned shape (2,), expected shape (3,)"),
    ([[0.1], [0.2]], [0.1, 0.2], "returned shape (2, 1), expected shape (2,)"),
    ([0.98], 0.98, "expected a single number"),
    (0.98, [0.98, 1.0], "returned a single number"),
    ("0.98", 0.98, "the text"),
    ([[1, 2], [3]], [[1, 2], [3, 4]], "ragged"),
    (Unsupported("generator", "<generator>"), [1.0], "returned a generator"),
    ([0.1, 0.25, 0.3], [0.1, 0.2, 0.3], "differs at [1]: 0.25 instead of 0.2"),
])
def test_mismatch_names_the_problem(got, expected, words):
    problem = mismatch(got, expected)
    assert problem is not None and words in problem, problem


@pytest.mark.parametrize("got,expected", [
    (0.9800000000000001, 0.98),
    ((0.195, 0.13), [0.195, 0.13]),
    (np.array([True, False]), [1, 0]),
    ([], np.zeros((0, 2))),
    (np.float64(0.5), 0.5),
    (np.array(0.5), 0.5),
])
def test_equivalent_answers_match(got, expected):
    assert mismatch(got, expected) is None


def test_tolerance_is_relative_and_absolute():
    assert mismatch(1e16 * (1 + 1e-12), 1e16, {"rel": 1e-11}) is None
    assert mismatch(1e16 * (1 + 1e-10), 1e16, {"rel": 1e-11}) is not None
    assert mismatch(1e-13, 0.0, {"abs": 1e-12}) is None


def test_fmt_is_short_and_readable():
    assert fmt(0.9800000000000001) == "0.98"
    assert fmt(list(range(100))).endswith("… 100 items]")
    assert fmt((1.0,)) == "(1,)"
    assert fmt(None) == "None"
