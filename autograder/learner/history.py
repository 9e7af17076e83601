"""A local history of a learner's attempts, in a small SQLite file.

Every `grade lessonN` run (and every drill) records, per exercise, whether it passed.
From that the kit tells which exercises passed on the first try, how many tries each
took, and which one was passed longest ago (what `grade drill` offers next). Nothing
leaves the machine; `grade history --clear` deletes the file. ``GROKKING_NO_HISTORY=1``
turns recording off.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass

from .state import state_dir

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    lesson TEXT NOT NULL,
    exercise TEXT NOT NULL,
    passed INTEGER NOT NULL,
    score REAL NOT NULL,
    max_score REAL NOT NULL,
    source TEXT NOT NULL
)
"""


def path():
    return state_dir() / "history.sqlite"


def _connect():
    db = sqlite3.connect(path())
    db.execute(SCHEMA)
    return db


def enabled() -> bool:
    return os.environ.get("GROKKING_NO_HISTORY", "") not in ("1", "true", "yes")


def record(result, source="grade", at=None) -> None:
    """Record one attempt per exercise of a graded :class:`LessonResult`."""
    if not enabled():
        return
    at = time.time() if at is None else at
    rows = [(at, result.lesson, name, int(score == maximum and maximum > 0), float(score), float(maximum), source)
            for name, (score, maximum) in result.exercises().items()]
    with closing(_connect()) as db, db:
        db.executemany("INSERT INTO attempts (at, lesson, exercise, passed, score, max_score, source) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


@dataclass
class ExerciseHistory:
    lesson: str
    exercise: str
    tries: int  # attempts recorded
    tries_to_pass: int | None  # attempts up to and including the first pass (None: never passed)
    last_passed: float | None  # time of the latest passing attempt
    passing_now: bool  # the latest attempt passed

    @property
    def first_try(self):
        return self.tries_to_pass == 1


def summary() -> list:
    """One :class:`ExerciseHistory` per exercise ever graded, in first-seen order."""
    if not path().is_file():
        return []
    with closing(_connect()) as db:
        rows = db.execute("SELECT lesson, exercise, passed, at FROM attempts ORDER BY at, id").fetchall()
    found = {}
    for lesson, exercise, passed, at in rows:
        h = found.setdefault((lesson, exercise), ExerciseHistory(lesson, exercise, 0, None, None, False))
        h.tries += 1
        if passed and h.tries_to_pass is None:
            h.tries_to_pass = h.tries
        if passed:
            h.last_passed = at
        h.passing_now = bool(passed)
    return list(found.values())


def clear() -> bool:
    """Delete the history; True when there was one."""
    if path().is_file():
        path().unlink()
        return True
    return False
