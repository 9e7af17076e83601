"""``grade status`` (and ``grade`` alone): where a learner stands in the whole course.

For every lesson: how many exercises pass, the points, and the next exercise to do. All
of it is computed now, by grading the learner's files (``exercises/lessonN.py``), never
from stored claims. Lessons are graded a few at a time, each in its own worker process,
so a broken lesson costs only its own row. Nothing is recorded in the learner's history:
looking at the status is not an attempt; what the history already holds (first-try passes,
the next drill) is shown under the table.
"""

from __future__ import annotations

import os
import sys
import textwrap
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from .. import catalogue


@dataclass
class LessonStatus:
    lesson: str
    title: str
    file: Path
    state: str  # "graded", "no file" or "error"
    done: int = 0
    total: int = 0
    score: Fraction = Fraction(0)
    max_score: Fraction = Fraction(0)
    next_exercise: str = ""
    message: str = ""

    @property
    def complete(self):
        return self.state == "graded" and self.total > 0 and self.done == self.total


def _grade_summary(name, path, seed):
    """Grade one file (in a worker process) and return plain data about it."""
    from ..grading.engine import grade

    try:
        result = grade(name, path, seed=seed)
    except Exception as exc:  # noqa: BLE001 - a broken grader costs only its own row
        return {"error": "%s: %s" % (type(exc).__name__, str(exc).strip().splitlines()[0] if str(exc).strip() else "")}
    return {"exercises": {e: (str(s), str(m)) for e, (s, m) in result.exercises().items()}}


def _summarise(status, summary, lesson):
    if "error" in summary:
        status.state, status.message = "error", summary["error"]
        return status
    totals = {e: (Fraction(s), Fraction(m)) for e, (s, m) in summary["exercises"].items()}
    passed = {e for e, (s, m) in totals.items() if s == m and m > 0}
    status.state = "graded"
    status.done = sum(1 for e in lesson.exercises if e.name in passed)
    status.score = sum((s for s, _ in totals.values()), Fraction(0))
    status.next_exercise = next((e.name for e in lesson.exercises if e.name not in passed), "")
    return status


def _untouched_stub(status) -> bool:
    """True when the file is exactly the stub the kit generates: every exercise raises
    NotImplementedError, so it scores zero (the kit's own tests prove it) without grading."""
    from ..instructor import generate
    from .. import reference

    try:
        stub = generate.stub_source(reference.path(status.lesson).read_text(encoding="utf-8"))
        return status.file.read_text(encoding="utf-8") == stub
    except (OSError, ValueError, SyntaxError):
        return False


def _new_status(name, folder):
    lesson = catalogue.lesson(name)
    path = Path(folder) / ("%s.py" % name)
    return LessonStatus(name, lesson.title, path, "no file", total=len(lesson.exercises),
                        max_score=Fraction(lesson.max_score))


def lesson_status(name, folder=Path("exercises"), *, seed=None) -> LessonStatus:
    """Grade ``folder/<name>.py`` (in this process) and summarise it."""
    status = _new_status(name, folder)
    if not status.file.is_file():
        return status
    return _summarise(status, _grade_summary(name, status.file, seed), catalogue.lesson(name))


def collect(folder=Path("exercises"), *, jobs=None, seed=None) -> list:
    """The :class:`LessonStatus` of every lesson, in course order.

    Lessons are graded a few at a time in forked worker processes on Linux, else one
    after the other; a file that is missing is not graded.
    """
    import multiprocessing

    statuses = [_new_status(name, folder) for name in catalogue.lessons()]
    todo = []
    for status in statuses:
        if status.file.is_file():
            if _untouched_stub(status):
                _summarise(status, {"exercises": {}}, catalogue.lesson(status.lesson))
            else:
                todo.append(status)
    jobs = jobs or max(1, min(len(todo), os.cpu_count() or 1, 4))
    # Everything the graders trust is loaded once, before the workers fork.
    from ..grading import engine  # noqa: F401

    catalogue.traces()
    if jobs > 1 and sys.platform.startswith("linux"):  # fork is safe there, and cheap
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            summaries = pool.starmap(_grade_summary, [(s.lesson, s.file, seed) for s in todo])
    else:
        summaries = [_grade_summary(s.lesson, s.file, seed) for s in todo]
    for status, summary in zip(todo, summaries):
        _summarise(status, summary, catalogue.lesson(status.lesson))
    return statuses


def _points(x):
    x = Fraction(x)
    return str(int(x)) if x.denominator == 1 else ("%.1f" % float(x))


def render(statuses, *, width=80, stream=None, folder=Path("exercises")) -> str:
    """The progress table, readable in ``width`` columns, without colour."""
    from .report import _marks

    marks, ellipsis = _marks(stream)
    name_w = max(len("lesson"), *(len(s.lesson) for s in statuses))
    title_w = max(12, min(30, width - name_w - 46))
    from .report import _display_path

    out = textwrap.wrap("Your progress, graded just now from %s/" % _display_path(str(folder)).rstrip("/"),
                        width, break_long_words=True, break_on_hyphens=False) + [""]
    out.append("  %s %s %9s %9s  %s" % ("lesson".ljust(name_w), "title".ljust(title_w), "exercises", "points",
                                        "next"))
    for s in statuses:
        title = s.title if len(s.title) <= title_w else s.title[: title_w - len(ellipsis)] + ellipsis
        if s.state == "no file":
            mark, exercises, points, nxt = " ", "no file", "", ""
        elif s.state == "error":
            mark, exercises, points, nxt = marks["error"], "error", "", "grade %s shows why" % s.lesson
        else:
            mark = marks["passed"] if s.complete else " "
            exercises = "%d/%d" % (s.done, s.total)
            points = "%s/%s" % (_points(s.score), _points(s.max_score))
            nxt = "complete" if s.complete else s.next_exercise
        room = max(8, width - (2 + name_w + 1 + title_w + 1 + 9 + 1 + 9 + 2))
        if len(nxt) > room:
            nxt = nxt[: room - len(ellipsis)] + ellipsis
        out.append(("%s %s %s %9s %9s  %s" % (mark, s.lesson.ljust(name_w), title.ljust(title_w), exercises,
                                               points, nxt)).rstrip())
    graded = [s for s in statuses if s.state == "graded"]
    score = sum((s.score for s in graded), Fraction(0))
    total = sum((Fraction(catalogue.lesson(s.lesson).max_score) for s in statuses), Fraction(0))
    done = sum(s.done for s in graded)
    exercises = sum(s.total for s in statuses)
    out += ["", "Total: %s / %s points · %d of %d exercises complete" % (_points(score), _points(total), done,
                                                                          exercises)]
    todo = next((s for s in statuses if s.state == "graded" and not s.complete), None)
    if todo is None:
        todo = next((s for s in statuses if s.state == "no file"), None)
    out.append("")
    if todo is None and all(s.complete for s in statuses):
        out.append("Every lesson is complete: well done.")
    elif todo is not None and todo.state == "graded":
        out += textwrap.wrap("Next: %s of %s. `grade %s` shows what to fix, `grade %s --hint` gives a hint."
                             % (todo.next_exercise, todo.lesson, todo.lesson, todo.lesson), width - 2)
    elif todo is not None:
        out += textwrap.wrap("Next: %s has no file yet; `grade generate` writes the stubs from a checkout of "
                             "the kit." % todo.file.as_posix(), width - 2)
    errors = [s for s in statuses if s.state == "error"]
    for s in errors:
        out += textwrap.wrap("%s could not be graded: %s" % (s.lesson, s.message), width - 2)
    practice = history_lines(width)
    if practice:
        out += [""] + practice
    return "\n".join(out) + "\n"


def history_lines(width=80) -> list:
    """What the learner's history of attempts says (nothing when there is none): exercises
    passed, how many on the first try, and which one a drill would ask for next."""
    from . import history, practice

    if not history.enabled():
        return []
    try:
        rows = history.summary()
    except Exception:  # noqa: BLE001 - an unreadable history never breaks the status
        return []
    if not rows:
        return []
    drill = practice.pick_drill(rows=rows)
    passed = [h for h in rows if h.tries_to_pass is not None]
    tries = sum(h.tries for h in rows)
    text = "History: %d of the %d exercises you tried have passed, %d on the first try (%d tries in all; " \
           "`grade history` lists them)." % (len(passed), len(rows), sum(1 for h in passed if h.first_try), tries)
    out = textwrap.wrap(text, width - 2)
    if drill is not None:
        out += textwrap.wrap("Practise from memory: `grade drill` asks for %s of %s, passed longest ago."
                             % (drill[1], drill[0]), width - 2)
    return out


def run(folder=Path("exercises"), *, width=None, seed=None, stream=None) -> tuple:
    """``(text of the status table, exit status)``: 0 when every lesson is complete, else 1."""
    import shutil

    width = width or min(shutil.get_terminal_size((80, 24)).columns, 100)
    statuses = collect(folder, seed=seed)
    return render(statuses, width=width, folder=folder, stream=stream), 0 if all(s.complete for s in statuses) else 1
