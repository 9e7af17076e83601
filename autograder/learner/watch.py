"""``grade lesson4 --watch``: grade again every time the learner saves the file.

Each round clears the screen (on a terminal), grades the file and shows the total, the
first exercise that still fails with its first failing check and its hint (as many hints
as ``--hint`` has shown so far, at least one), then waits for the next save. Saves are
noticed with watchdog when it can watch the folder, and by polling the file's size,
modification time and contents twice a second in any case (editors that write a new file
and rename it, network folders and missing inotify all work). Ctrl-C stops cleanly.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import time
from pathlib import Path

from .. import catalogue

POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.1  # after a change, wait this long for the editor to finish writing
CLEAR = "\033[2J\033[H"


def signature(path: Path):
    """What changes when the file is saved (None when it does not exist)."""
    try:
        st = path.stat()
        data = path.read_bytes()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest()


class _Wakeup:
    """An event set by watchdog when something happens in the file's folder."""

    def __init__(self, path: Path):
        self.event = threading.Event()
        self.observer = None
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # polling alone still works
            return
        event = self.event
        name = path.name

        class Handler(FileSystemEventHandler):
            def on_any_event(self, ev):
                paths = [getattr(ev, "src_path", ""), getattr(ev, "dest_path", "")]
                if any(os.path.basename(os.fsdecode(p)) == name for p in paths if p):
                    event.set()

        try:
            observer = Observer()
            observer.schedule(Handler(), str(path.parent.resolve()), recursive=False)
            observer.daemon = True
            observer.start()
            self.observer = observer
        except Exception:  # noqa: BLE001 - e.g. no inotify watches left: polling alone
            self.observer = None

    def wait(self, seconds):
        woken = self.event.wait(seconds)
        self.event.clear()
        return woken

    def stop(self):
        if self.observer is not None:
            try:
                self.observer.stop()
                self.observer.join(timeout=2)
            except Exception:  # noqa: BLE001
                pass


def first_failure(result):
    """The first exercise (in catalogue order) that lost points, and its failing check that
    best shows the cause (as the report chooses it)."""
    from .report import best_failure

    lesson = catalogue.lesson(result.lesson)
    failing = {}
    for check in result.checks:
        if not check.passed:
            failing.setdefault(check.exercise, []).append(check)
    for exercise in lesson.exercises:
        if exercise.name in failing:
            return exercise, best_failure(failing[exercise.name])
    return None, None


def render_round(result, *, width=80, marks=None, when=None) -> str:
    """One round's screen: total, the first failing exercise, its hint."""
    from . import hints as hint_levels
    from .report import _display_path, _marks, _points, _wrap, wrap_message

    marks = marks or _marks()[0]
    lesson = catalogue.lesson(result.lesson)
    when = when or time.strftime("%H:%M:%S")
    out = _wrap("%s · %s · %s, graded at %s" % (result.lesson, result.title, _display_path(result.submission),
                                                         when), width)
    done = [e for e, (s, m) in result.exercises().items() if s == m]
    out += ["", "Total: %s / %s points · %d of %d exercises complete" % (
        _points(result.score), _points(result.max_score), len(done), len(result.exercises()))]
    exercise, check = first_failure(result)
    if exercise is None:
        graded = list(result.exercises())
        if len(graded) < len(lesson.exercises):  # a drill: one exercise, written from memory
            text = "%s %s passes, written from memory. `grade drill` picks the next one." % (
                marks["passed"], " and ".join(graded))
        else:
            text = "%s Every exercise of %s passes: full marks. `grade status` shows what comes next." % (
                marks["passed"], result.lesson)
        out += [""] + _wrap(text, width)
        return "\n".join(out) + "\n"
    score, maximum = result.exercises()[exercise.name]
    out += ["", "Next to fix: %s (%s / %s points)" % (exercise.name, _points(score), _points(maximum))]
    out += _wrap("%s %s · %s" % (marks[check.status], check.name, check.source), width - 2,
                         initial_indent="  ", subsequent_indent="      ")
    out += wrap_message(check.message, width - 4)
    for note in check.notes:
        out += _wrap("Note: " + note, width - 4, initial_indent="    ", subsequent_indent="    ")
    if check.output.strip():
        printed = check.output.strip().splitlines()
        out.append("    Your code printed%s:" % (" (first lines)" if len(printed) > 5 else ""))
        out += ["      " + line[: width - 8] for line in printed[:5]]
    if exercise.hints:
        try:
            count = max(1, hint_levels.level(result.lesson, exercise.name))
        except OSError:
            count = 1
        count = min(count, len(exercise.hints))
        out.append("")
        for i, hint in enumerate(exercise.hints[:count]):
            prefix = "  Hint %d: " % (i + 1)
            out += _wrap(hint, width - 2, initial_indent=prefix, subsequent_indent=" " * len(prefix))
        if count < len(exercise.hints):
            drill = len(result.exercises()) < len(lesson.exercises)
            command = "grade drill --check --hint" if drill else "grade %s --hint" % result.lesson
            out += _wrap("(`%s` shows the next hint)" % command, width - 2,
                                 initial_indent="  ", subsequent_indent="  ")
    return "\n".join(out) + "\n"


def watch(lesson_name, submission, *, seed=None, max_rounds=None, echo=None, clear=None,
          width=None, poll=POLL_SECONDS, exercises=None, on_result=None) -> int:
    """Grade ``submission`` now and after every save; return the last exit status.

    ``max_rounds`` stops after that many gradings (for tests and scripts); otherwise it
    runs until Ctrl-C. ``exercises`` grades only those (a drill watches one);
    ``on_result(result)`` is called after every grading (a drill records its tries).
    """
    import shutil

    from ..grading.engine import GraderBroken, grade

    echo = echo or (lambda text: (sys.stdout.write(text), sys.stdout.flush()))
    path = Path(submission)
    if clear is None:
        clear = hasattr(sys.stdout, "isatty") and sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    width = width or min(shutil.get_terminal_size((80, 24)).columns, 100)
    wakeup = _Wakeup(path)
    shown = None
    rounds = 0
    status = 1
    try:
        while True:
            current = signature(path)
            if current != shown:
                shown = current
                if current is None:
                    echo("\n%s is not there: waiting for it to be saved (Ctrl-C stops).\n" % path)
                else:
                    try:
                        result = grade(lesson_name, path, seed=seed, exercises=exercises)
                    except GraderBroken as exc:
                        echo("grade: internal error: %s\n" % exc)
                        return 3
                    except FileNotFoundError:
                        shown = None
                        continue
                    status = 0 if result.full_marks else 1
                    rounds += 1
                    if on_result is not None:
                        on_result(result)
                    screen = render_round(result, width=width)
                    echo((CLEAR if clear else ("" if rounds == 1 else "\n" + "-" * min(width, 80) + "\n"))
                         + screen)
                    if max_rounds and rounds >= max_rounds:
                        return status
                    echo("\nWatching %s: save it to grade again (Ctrl-C stops).\n" % path)
            if wakeup.wait(poll):
                time.sleep(SETTLE_SECONDS)
    except KeyboardInterrupt:
        echo("\nStopped watching %s.\n" % path)
        return status
    finally:
        wakeup.stop()
