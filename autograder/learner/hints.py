"""Progressive hints: each exercise's hints come one at a time, and the kit remembers how
far a learner has got.

``grade lesson4 --hint`` shows the first hint of each exercise that lost points; asking
again later, while the exercise still fails, shows one more each time; ``--hint 2`` asks
for at least two at once. Hints point at the idea, never at the code. The level reached
for each exercise is kept in ``hints.json`` in the learner's data folder
(:func:`autograder.learner.state.state_dir`: ``platformdirs.user_data_dir("grokking-autograder")``
or ``GROKKING_STATE_DIR``); an exercise that passes starts again from the first hint.
"""

from __future__ import annotations

import json
import os
import tempfile

from .. import catalogue
from .state import state_dir

FILE = "hints.json"


def path():
    return state_dir() / FILE


def load() -> dict:
    """``{lesson: {exercise: level}}``; an unreadable file counts as empty."""
    try:
        with open(path(), encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {lesson: {name: int(level) for name, level in levels.items() if isinstance(level, int)}
            for lesson, levels in data.items() if isinstance(levels, dict)}


def save(data: dict) -> None:
    """Write the levels atomically (a crash never leaves half a file)."""
    target = path()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".hints-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, sort_keys=True)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def level(lesson: str, exercise: str) -> int:
    """How many hints of ``exercise`` the learner has seen (0: none yet)."""
    return load().get(lesson, {}).get(exercise, 0)


def next_levels(result, requested: int, *, remember: bool = True) -> dict:
    """``{exercise: number of hints to show}`` for the exercises of ``result`` that lost
    points: one more than last time, at least ``requested``, at most all of them.

    With ``remember`` the new levels are saved and passing exercises are forgotten.
    """
    lesson = catalogue.lesson(result.lesson)
    data = load() if remember else {}
    seen = data.get(result.lesson, {})
    shown = {}
    for name, (score, maximum) in result.exercises().items():
        if score == maximum:
            seen.pop(name, None)
            continue
        total = len(lesson.exercise(name).hints)
        shown[name] = min(total, max(int(requested), seen.get(name, 0) + 1))
        seen[name] = shown[name]
    if remember:
        if seen:
            data[result.lesson] = seen
        else:
            data.pop(result.lesson, None)
        try:
            save(data)
        except OSError:
            pass  # a read-only data folder costs the memory of hints, never the report
    return shown


def forget(lesson: str | None = None) -> None:
    """Start the hints of ``lesson`` (or of every lesson) from the first again."""
    data = load()
    if lesson is None:
        data = {}
    else:
        data.pop(lesson, None)
    save(data)
