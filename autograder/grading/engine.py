"""Grading one learner's file for one lesson: the engine behind every front end.

``grade(lesson, submission)`` starts the learner's process, runs the lesson's grader
module through pytest's API with the grading plugin, and returns a
:class:`LessonResult`. The CLI, the notebook course and batch grading all call it.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from .. import catalogue, reference
from ..misconceptions import for_lesson
from .recognise import name_misconceptions
from ..sandbox import Sandbox, SealUnavailable  # noqa: F401  (SealUnavailable: for the front ends)
from ..sandbox.seal import make_undumpable
from . import source
from .plugin import GRADERS_INI, GradingState, RunPlugin
from .results import LessonResult
from .secret import is_secret, lesson_seed


class SubmissionMissing(FileNotFoundError):
    pass


class GraderBroken(RuntimeError):
    """The lesson's grader module itself could not be collected (a bug of the kit)."""


@contextlib.contextmanager
def _isolated_pytest():
    """No third-party pytest plugins, no output on the terminal."""
    saved = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            yield sink
    finally:
        if saved is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = saved


def grade(lesson_name, submission, *, seed=None, label=None, exercises=None) -> LessonResult:
    """Grade ``submission`` (a path to a learner's file) for ``lesson_name``.

    ``exercises`` restricts grading to those exercises (a drill grades one). Without
    ``seed``, the randomized cases are the lesson's own: derived from the course's secret
    when ``$GROKKING_SEED_SECRET`` is set, else ``Lesson.seed`` — either way the same file
    gets the same score at every run. Under a secret (a :class:`SecretSeed`, also given as
    ``seed``) the drawn cases are said in words only (see :mod:`.secret`)."""
    lesson = catalogue.lesson(lesson_name)
    submission = Path(submission)
    if not os.path.lexists(submission) or submission.is_dir():
        raise SubmissionMissing("%s not found" % submission)
    if seed is None:
        seed = lesson_seed(lesson)
    label = label or submission.name
    # Everything the grader trusts is read before any of the learner's code runs, and no
    # process of this user may read or steer this one (ptrace, /proc/PID/mem or fd).
    catalogue.traces()
    reference.load(lesson.name)
    for_lesson(lesson.name)
    make_undumpable()
    with Sandbox(submission, module_name=lesson.name) as sandbox:
        state = GradingState(lesson, sandbox, seed, label, only=exercises)
        args = [
            str(lesson.grader),
            "-c", str(GRADERS_INI),
            "--rootdir", str(GRADERS_INI.parent),
            "-p", "autograder.grading.plugin",
            "-p", "no:cacheprovider",
            "-p", "no:stepwise",
            "--import-mode=importlib",
            "-q",
            # Speed. The report is built from the kit's records, not from pytest's failure
            # reports: plain tracebacks spare pytest's source analysis of every failure (a
            # file that fails everywhere grades 5x faster). The two plugins turned off force
            # garbage collections at every run and watch threads that graders never start.
            "--tb=native",
            "-p", "no:unraisableexception",
            "-p", "no:threadexception",
        ]
        with _isolated_pytest() as sink:
            code = pytest.main(args, plugins=[RunPlugin(state)])
        # pytest says INTERRUPTED for a grader that cannot be collected too: that is no Ctrl-C.
        if code == pytest.ExitCode.INTERRUPTED and not state.collect_errors:
            raise KeyboardInterrupt
        if state.collect_errors or code in (pytest.ExitCode.INTERNAL_ERROR, pytest.ExitCode.USAGE_ERROR,
                                            pytest.ExitCode.NO_TESTS_COLLECTED) or not state.records:
            raise GraderBroken("the grader of %s is broken:\n%s\n%s" % (
                lesson.name, "\n".join(state.collect_errors), sink.getvalue()[-3000:]))
        load = sandbox.load_status()
        isolation = sandbox.isolation
    hidden = [r for r in state.records if r.drawn] if is_secret(seed) else []
    for record in hidden:
        record.say_in_words()
    _note_dependencies(lesson, state.records)
    source.note_script_variables(lesson, state.records, submission)
    name_misconceptions(lesson.name, state.records, reference.load(lesson.name))
    for record in hidden:
        record.hide_case()
    problem = ""
    if load.get("status") != "loaded":
        problem = next((r.message for r in state.records if r.message), load.get("status", ""))
    elif state.import_hang:
        problem = state.import_hang
    else:
        problem = _defines_nothing(submission, label, state.records)
    return LessonResult(lesson=lesson.name, title=lesson.title, submission=str(submission), seed=seed,
                        checks=state.records, problem=problem, isolation=isolation)


def _defines_nothing(submission, label, records):
    """Why a file that loads scores nothing at all, when that is because it is empty or
    defines none of the lesson's functions ("" otherwise)."""
    calls = [outcome for record in records for _, _, outcome in record.calls]
    if not calls or any(outcome.status != "missing" for outcome in calls):
        return ""
    try:
        empty = not submission.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        empty = False
    if empty:
        return "%s is empty: write the lesson's functions in it (grade list shows them)." % label
    return "%s defines none of the lesson's functions: check their names (grade list shows them)." % label


def _note_dependencies(lesson, records):
    """On the failures of an exercise that calls another failing one, say which to fix first."""
    failing = {r.exercise for r in records if not r.passed}
    for record in records:
        if record.passed:
            continue
        broken = sorted(lesson.depends_on(record.exercise) & failing)
        if broken:
            record.note("%s calls your %s, which %s: fix %s first." % (
                record.exercise, " and ".join(broken),
                "fails its own checks" if len(broken) == 1 else "fail their own checks",
                "it" if len(broken) == 1 else "them"))
