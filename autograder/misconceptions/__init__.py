"""Known misconceptions: the course's classic slips, kept as small wrong implementations.

Each lesson may have a module here (``lesson4.py``...) whose functions are decorated with
:func:`misconception`. After a learner's file is graded, for every exercise that lost
points, the grading process (never the learner's) runs each misconception of that
exercise on the very arguments the checks sent; when the learner's answers equal what
one misconception produces on *every* call (and the misconception is not the right
answer), the report adds one sentence: "This is what you get when …".
"""

from __future__ import annotations

import copy
import importlib
from dataclasses import dataclass

import numpy as np

from ..grading.compare import mismatch

MATCH_TOL = {"abs": 1e-9, "rel": 1e-6}
_REGISTRY: dict = {}


@dataclass(frozen=True)
class Misconception:
    id: str
    exercise: str
    when: str  # completes "This is what you get when ..."
    course: str  # where the course shows the right way ("" if nowhere in particular)
    func: object

    @property
    def sentence(self):
        text = "This is what you get when %s." % self.when
        if self.course:
            text += " %s" % self.course
        return text


def misconception(exercise, when, course=""):
    """Register the decorated function as a misconception of ``exercise``."""

    def register(func):
        lesson = func.__module__.rsplit(".", 1)[-1]
        item = Misconception("%s.%s.%s" % (lesson, exercise, func.__name__), exercise, when, course, func)
        _REGISTRY.setdefault(lesson, []).append(item)
        return func

    return register


def for_lesson(lesson: str) -> list:
    """The misconceptions of ``lesson`` (none when it has no module here)."""
    if lesson not in _REGISTRY:
        try:
            importlib.import_module("%s.%s" % (__name__, lesson))
        except ModuleNotFoundError as exc:
            if exc.name != "%s.%s" % (__name__, lesson):
                raise
        _REGISTRY.setdefault(lesson, [])
    return list(_REGISTRY[lesson])


def _run(func, args):
    try:
        return "ok", func(*copy.deepcopy(args))
    except Exception:  # noqa: BLE001 - a slip that raises (a fixed-size buffer...)
        return "raised", None


def same_value(got, want, tol=MATCH_TOL) -> bool:
    """Whether ``got`` equals ``want`` within ``tol``, for numbers, arrays and tuples of them."""
    if isinstance(want, (tuple, list)) and want and _ragged(want):
        return isinstance(got, (tuple, list, np.ndarray)) and len(got) == len(want) and all(
            same_value(g, w, tol) for g, w in zip(got, want))
    if want is None:
        return got is None
    try:
        return mismatch(got, want, tol) is None
    except Exception:  # noqa: BLE001 - values that cannot be compared are not equal
        return False


def _ragged(value):
    try:
        np.asarray(value, dtype=float)
        return False
    except (TypeError, ValueError):
        return True


def _learner_matches(outcome, expected):
    status, value = expected
    if status == "raised":
        return outcome.status == "raised" and outcome.info.get("type") != "NotImplementedError"
    return outcome.status == "ok" and same_value(outcome.value, value)


def identify(item: Misconception, reference_func, calls) -> bool:
    """Whether every call's answer is the misconception's and it differs from the reference."""
    if not calls:
        return False
    distinguishable = answered = False
    for args, outcome in calls:
        expected = _run(item.func, args)
        if not _learner_matches(outcome, expected):
            return False
        answered |= expected[0] == "ok"
        right = _run(reference_func, args)
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
        for item in candidates:
            if identify(item, reference_func, calls):
                for record in bad:
                    record.misconception = item.id
                    record.message = "%s %s" % (record.message, item.sentence)
                break
