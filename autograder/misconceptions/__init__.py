"""Known misconceptions: the course's classic slips, kept as small wrong implementations.

Each lesson may have a module here (``lesson4.py``...) whose functions are decorated with
:func:`misconception`. After a learner's file is graded, for every exercise that lost
points, the grading process (never the learner's) runs each misconception of that
exercise on the very arguments the checks sent; when the learner's answers equal what
one misconception produces on *every* call (and the misconception is not the right
answer), the report adds one sentence: "This is what you get when …".

Each misconception is the reference with one thing changed: most call a training loop
or a small function shared by the slips of their exercise (a module-level function whose
name starts with ``_``), passing it the one parameter or piece that differs. The learner's
form of a misconception (:func:`learner_code`) copies the shared functions it uses ahead of
it, so ``tests/test_misconceptions.py`` grades that very code as a learner's file (renamed
to the exercise) and checks that it is named. Their bodies use only NumPy, ``math``, the
shared functions and the lesson's exercise names (bound to the reference solution in each
module, and to the learner's other functions in the learner's form).
"""

from __future__ import annotations

import copy
import importlib
import inspect
import sys
import textwrap
from dataclasses import dataclass

import numpy as np

from ..grading.compare import mismatch, size_one_numbers
from ..grading.plugin import SIZE_ERRORS

MATCH_TOL = {"abs": 1e-9, "rel": 1e-6}
_REGISTRY: dict = {}


@dataclass(frozen=True)
class Misconception:
    id: str
    exercise: str
    when: str  # completes "This is what you get when ..."
    course: str  # where the course shows the right way ("" if nowhere in particular)
    func: object
    # Named whichever way round the learner takes a difference: (goal - prediction) * 2 is
    # the same slip as (prediction - goal) * 2 when the answer is that difference's image.
    sign_free: bool = False

    @property
    def sentence(self):
        text = "This is what you get when %s." % self.when
        if self.course:
            text += " %s" % self.course
        return text


def misconception(exercise, when, course="", *, sign_free=False):
    """Register the decorated function as a misconception of ``exercise``.

    ``sign_free``: the learner's answers may be the misconception's negated (the same slip
    written with the other sign convention of a difference)."""

    def register(func):
        lesson = func.__module__.rsplit(".", 1)[-1]
        item = Misconception("%s.%s.%s" % (lesson, exercise, func.__name__), exercise, when, course, func,
                             sign_free)
        _REGISTRY.setdefault(lesson, []).append(item)
        return func

    return register


def _shared(func, found):
    """The module's shared functions (``_name``) that ``func`` calls, those they call first."""
    module = sys.modules[func.__module__]
    codes, names = [func.__code__], []
    while codes:
        code = codes.pop()
        names += code.co_names
        codes += [c for c in code.co_consts if inspect.iscode(c)]
    for name in names:
        helper = getattr(module, name, None)
        if (name.startswith("_") and name not in found and inspect.isfunction(helper)
                and helper.__module__ == module.__name__):
            found[name] = None  # claimed before its own helpers: no cycle runs twice
            _shared(helper, found)
            found[name] = helper
    return found


def _source(func):
    lines = textwrap.dedent(inspect.getsource(func)).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("def "))
    return "\n".join(lines[start:])


def learner_code(item: Misconception) -> str:
    """The misconception's own code, renamed to the exercise, as a learner would write it,
    after the shared functions it uses (to put after a solution: the tests grade it, and so
    does ``grade gallery``)."""
    helpers = [_source(h) for h in _shared(item.func, {}).values()]
    body = _source(item.func).replace("def %s(" % item.func.__name__, "def %s(" % item.exercise, 1)
    return "import math\nimport numpy as np\n\n" + "".join(h + "\n\n\n" for h in helpers) + body + "\n"


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
