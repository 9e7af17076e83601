"""Known misconceptions: the course's classic slips, kept as small wrong implementations.

Each slip is listed in its lesson's file (``autograder/lessons/<lesson>.toml``), under its
exercise, beside the hints: ``[[exercise.misconception]]`` with the name of its function,
``when`` (completing the report's "This is what you get when …"), ``course`` (where the
course shows the right way) and ``sign_free`` (the learner may take the difference the
other way round). Its code is the function of that name in this package's module of the
lesson (``lesson4.py``...), and :mod:`autograder.grading.recognise` names it in a report
when a learner's answers are that function's on every call.

Each slip is the reference with one thing changed: most call a training loop or a small
function shared by the slips of their exercise (a module-level function whose name starts
with ``_``), passing it the one parameter or piece that differs. The learner's form of a
slip (:func:`learner_code`) copies the shared functions it uses ahead of it, so
``tests/test_misconceptions.py`` grades that very code as a learner's file (renamed to the
exercise) and checks that it is named. Their bodies use only NumPy, ``math``, the shared
functions and the lesson's exercise names (bound to the reference solution in each module,
and to the learner's other functions in the learner's form).
"""

from __future__ import annotations

import importlib
import inspect
import sys
import textwrap
from dataclasses import dataclass

from .. import catalogue

_REGISTRY: dict = {}


@dataclass(frozen=True)
class Misconception:
    id: str  # lesson.exercise.function
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


def _shared(func, found):
    """The shared functions (``_name``) that ``func`` calls: its module's own, or one that
    module imports under the same name from another module of this package."""
    module = sys.modules[func.__module__]
    codes, names = [func.__code__], []
    while codes:
        code = codes.pop()
        names += code.co_names
        codes += [c for c in code.co_consts if inspect.iscode(c)]
    for name in names:
        helper = getattr(module, name, None)
        if (name.startswith("_") and name not in found and inspect.isfunction(helper)
                and helper.__module__.startswith(__name__ + ".") and helper.__name__ == name):
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
    """The misconceptions of ``lesson``, in the order of its file (none when it lists none)."""
    if lesson not in _REGISTRY:
        meta = catalogue.lesson(lesson)
        slips = [(e.name, slip) for e in meta.exercises for slip in e.misconceptions]
        module = importlib.import_module("%s.%s" % (__name__, lesson)) if slips else None
        items = []
        for exercise, slip in slips:
            func = getattr(module, slip.name, None)
            if not inspect.isfunction(func):
                raise LookupError("%s.toml lists the misconception %s of %s, but %s has no function of that name"
                                  % (lesson, slip.name, exercise, module.__file__))
            items.append(Misconception("%s.%s.%s" % (lesson, exercise, slip.name), exercise, slip.when, slip.course,
                                       func, slip.sign_free))
        _REGISTRY[lesson] = items
    return list(_REGISTRY[lesson])
