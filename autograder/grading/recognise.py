"""Naming a known misconception in a report: the learner's answers are one slip's on every call.

After a learner's file is graded, for every exercise that lost points, the grading process
(never the learner's) runs each misconception of that exercise (:mod:`autograder.misconceptions`)
on the very arguments the checks sent; when the learner's answers equal what one
misconception produces on *every* call (and the misconception is not the right answer), the
report adds one sentence: "This is what you get when …".
"""

from __future__ import annotations

import copy

import numpy as np

from ..misconceptions import Misconception, for_lesson
from .compare import mismatch, size_one_numbers
from .plugin import SIZE_ERRORS

MATCH_TOL = {"abs": 1e-9, "rel": 1e-6}


def _run(func, args):
    try:
        return "ok", func(*copy.deepcopy(args))
    except Exception as exc:  # noqa: BLE001 - a slip that raises (a fixed-size buffer...)
        return "raised", type(exc).__name__


def same_value(got, want, tol=MATCH_TOL) -> bool:
    """Whether ``got`` equals ``want`` within ``tol``, for numbers, words, arrays and tuples
    of them. NaN equals NaN here, at the same places: a slip that blows up (softmax without
    its max shift, a flipped delta that diverges) is recognised by where it blows up."""
    if isinstance(want, str):
        return isinstance(got, str) and got == want
    if isinstance(want, (tuple, list)) and want and _ragged(want):
        return isinstance(got, (tuple, list, np.ndarray)) and len(got) == len(want) and all(
            same_value(g, w, tol) for g, w in zip(got, want))
    if want is None:
        return got is None
    try:
        return mismatch(got, want, tol) is None or _same_with_nan(got, want, tol)
    except Exception:  # noqa: BLE001 - values that cannot be compared are not equal
        return False


def _same_with_nan(got, want, tol):
    want_a = np.asarray(want, dtype=float)
    holes = np.isnan(want_a)
    if not holes.any():
        return False
    got_a = np.asarray(got, dtype=float)
    if got_a.shape != want_a.shape or not np.array_equal(np.isnan(got_a), holes):
        return False
    return bool(np.allclose(got_a[~holes], want_a[~holes], rtol=tol["rel"], atol=tol["abs"]))


def _ragged(value):
    try:
        np.asarray(value, dtype=float)
        return False
    except (TypeError, ValueError):
        return True


def _family(kind):
    return "size" if kind in SIZE_ERRORS else kind


def _learner_matches(outcome, expected, sign_free=False):
    status, value = expected
    if status == "raised":
        # The same kind of exception, not any: a list times a float (TypeError) is no
        # fixed-size buffer running out (IndexError), though both raise. A size that does
        # not fit shows as an IndexError, or as the AssertionError or ValueError of a check.
        return outcome.status == "raised" and _family(outcome.info.get("type")) == _family(value)
    if outcome.status != "ok":
        return False
    got = size_one_numbers(outcome.value, value)[0]
    if same_value(got, value):
        return True
    if sign_free:
        try:
            return same_value(got, -np.asarray(value, dtype=float))
        except (TypeError, ValueError):
            return False
    return False


def identify(item: Misconception, reference_func, calls, reference_answers=None) -> bool:
    """Whether every call's answer is the misconception's and it differs from the reference.

    ``reference_answers`` (a list as long as ``calls``, filled as needed) keeps the
    reference's answer to each call, so that several misconceptions pay for it once."""
    if not calls:
        return False
    if reference_answers is None:
        reference_answers = [None] * len(calls)
    distinguishable = answered = False
    for i, (args, outcome) in enumerate(calls):
        expected = _run(item.func, args)
        if not _learner_matches(outcome, expected, item.sign_free):
            return False
        answered |= expected[0] == "ok"
        if reference_answers[i] is None:
            reference_answers[i] = _run(reference_func, args)
        right = reference_answers[i]
        if right[0] != expected[0] or (right[0] == "ok" and not same_value(expected[1], right[1])):
            distinguishable = True
    return answered and distinguishable


def name_misconceptions(lesson, records, reference_module) -> None:
    """Add the sentence of the misconception a learner's failing exercise shows, if any."""
    items = for_lesson(lesson)
    failing = {}
    for record in records:
        if not record.passed:
            failing.setdefault(record.exercise, []).append(record)
    for exercise, bad in failing.items():
        candidates = [m for m in items if m.exercise == exercise]
        if not candidates:
            continue
        calls = [(args, outcome) for r in records if r.exercise == exercise
                 for name, args, outcome in r.calls if name == exercise]
        reference_func = getattr(reference_module, exercise)
        reference_answers = [None] * len(calls)
        for item in candidates:
            if identify(item, reference_func, calls, reference_answers):
                for record in bad:
                    record.misconception = item.id
                    if record.slip:  # the check's own word for the slip: one explanation is enough,
                        # and the misconception's holds on every call, not on this one alone
                        record.message = record.message.replace(" " + record.slip, "", 1)
                    record.message = "%s %s" % (record.message, item.sentence)
                break
