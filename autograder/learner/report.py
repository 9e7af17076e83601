"""The learner's report in a terminal: a table of checks, a total, the failures in full.

Plain text that reads in 80 columns; colour only on a terminal and never with
``NO_COLOR`` set.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

from .. import catalogue
from ..grading.secret import is_secret
from ..grading.secret import sentence as secret_sentence


def use_color(stream=None) -> bool:
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _marks(stream=None):
    encoding = (getattr(stream or sys.stdout, "encoding", None) or "").lower()
    if "utf" in encoding:
        return {"passed": "✓", "failed": "✗", "error": "!", "timeout": "⏱"}, "…"
    return {"passed": "+", "failed": "x", "error": "!", "timeout": "T"}, "..."


def _cut(text, width, ellipsis):
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text.ljust(width)
    return text[: max(0, width - len(ellipsis))] + ellipsis


def _cut_pair(expected, got, width, ellipsis):
    """Both cells cut to ``width``, so that where the two differ is in sight: when their
    beginnings agree further than the cell shows, both start later, at the same place."""
    expected, got = " ".join(str(expected).split()), " ".join(str(got).split())
    if expected == got or (len(expected) <= width and len(got) <= width):
        return _cut(expected, width, ellipsis), _cut(got, width, ellipsis)
    same = 0
    while same < min(len(expected), len(got)) and expected[same] == got[same]:
        same += 1
    if same < width - len(ellipsis) - 1:
        return _cut(expected, width, ellipsis), _cut(got, width, ellipsis)
    start = max(0, same - (width - 2 * len(ellipsis)) // 2)
    return (_cut(ellipsis + expected[start:], width, ellipsis) if expected[start:] else _cut("", width, ellipsis),
            _cut(ellipsis + got[start:], width, ellipsis))


def _wrap(text, width, **kw):
    """textwrap.wrap that keeps trace ids (L3.multi-input.pred) and paths in one piece."""
    return textwrap.wrap(text, width, break_on_hyphens=False, **kw)


def report_width(stream=None) -> int:
    """80 columns when the report goes to a file or a pipe (as the README promises), else
    the terminal's width, up to 140."""
    stream = stream or sys.stdout
    if hasattr(stream, "isatty") and stream.isatty():
        return max(60, min(shutil.get_terminal_size((80, 24)).columns, 140))
    try:
        columns = int(os.environ.get("COLUMNS", "80"))
    except ValueError:
        columns = 80
    return max(60, min(columns, 80))


def _points(x):
    return ("%.2f" % float(x)).rstrip("0").rstrip(".") if x.denominator != 1 else str(int(x))


def _display_path(path):
    """The submission's path, relative to the current folder when it is below it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def _call_text(check):
    """The call without the exercise's name, which its own column already shows; for a
    check that made several calls, its own words for them (or how many), never one of them."""
    calls = sum(1 for call in check.calls if call[0] == check.exercise) or len(check.calls)
    if calls > 1:
        call = check.what or "%d calls" % calls
    else:
        call = check.call or check.what or check.name
    if call.startswith(check.exercise + "("):
        return call[len(check.exercise):]
    return call


def wrap_message(message, width, indent="    ", first=None) -> list:
    """A check's message as lines of at most ``width``: prose is wrapped, and lines that
    start with four spaces (the code line and caret of a syntax error) are kept as they are,
    four columns in."""
    lines = []
    for part in message.split("\n"):
        if part.startswith("    "):
            lines.append("    " + part[4:])
        elif part.strip():
            lines += _wrap(part, width, initial_indent=first if first and not lines else indent,
                           subsequent_indent=indent)
    return lines


def best_failure(failures):
    """The failing check of an exercise that best says why: one whose answers show a known
    misconception, else one that names a slip, else the first."""
    for test in (lambda c: c.misconception, lambda c: c.slip):
        for c in failures:
            if test(c):
                return c
    return failures[0]


def render(result, *, hints=0, verbose=False, width=None, color=None, stream=None,
           hint_command=None) -> str:
    """The report of a :class:`LessonResult` as text.

    ``hints`` is how many hints to show for each exercise that lost points (0: none), or
    ``{exercise: how many}`` (progressive hints, see ``autograder.learner.hints``).
    ``hint_command`` is the command that shows hints for this run (``grade lessonN --hint``
    when not given).
    """
    width = width or report_width(stream)
    color = use_color(stream) if color is None else color
    marks, ellipsis = _marks(stream)

    def paint(text, status):
        if not color:
            return text
        code = {"passed": "32", "failed": "31", "error": "31", "timeout": "33", "title": "1"}[status]
        return "\033[%sm%s\033[0m" % (code, text)

    lesson = catalogue.lesson(result.lesson)
    out = [paint("%s · %s" % (result.lesson, result.title), "title")]
    out += _wrap("file: " + _display_path(result.submission), width - 2, subsequent_indent="      ")
    if result.isolation:
        out += _wrap("run: " + result.isolation, width - 2, subsequent_indent="      ")
    out.append("")
    if result.problem:
        return "\n".join(out + _unrunnable(result, width, marks, paint)) + "\n"

    out += _table(result, width, marks, ellipsis, paint)
    out.append("")
    done = [e for e, (s, m) in result.exercises().items() if s == m]
    total = "Total: %s / %s points · %d of %d exercises complete" % (
        _points(result.score), _points(result.max_score), len(done), len(result.exercises()))
    out.append(paint(total, "passed" if result.full_marks else "failed"))

    failures = [c for c in result.checks if not c.passed]
    if failures:
        out += ["", "What to fix" + ("" if verbose else " (one check per exercise; -v shows every failing one)") + ":"]
    by_exercise = {}
    for c in failures:
        by_exercise.setdefault(c.exercise, []).append(c)
    for exercise, bad in by_exercise.items():
        for c in (bad if verbose else [best_failure(bad)]):
            out.append("")
            out += _wrap("%s %s · %s · %s" % (marks[c.status], c.exercise, c.name, c.source), width,
                         subsequent_indent="    ")
            out += wrap_message(c.message, width)
            for note in c.notes:
                out += _wrap("Note: " + note, width, initial_indent="    ", subsequent_indent="    ")
            if c.output.strip():
                printed = c.output.strip().splitlines()
                out.append("    Your code printed%s:" % (" (first lines)" if len(printed) > 5 else ""))
                out += ["      " + line[: width - 6] for line in printed[:5]]
        if len(bad) > 1 and not verbose:
            out.append("    (%d more failing check%s of %s)" % (len(bad) - 1, "s" if len(bad) > 2 else "", exercise))
    notes = {n for c in result.checks if c.passed for n in c.notes}
    for note in sorted(notes):
        out += [""] + _wrap("Note: " + note, width)
    command = hint_command or "grade %s --hint" % result.lesson
    if hints:
        lost = [e for e, (s, m) in result.exercises().items() if s != m]
        if lost:
            out += ["", "Hints:"]
        for name in lost:
            exercise = lesson.exercise(name)
            count = hints.get(name, 0) if isinstance(hints, dict) else hints
            for i, hint in enumerate(exercise.hints[:count]):
                prefix = "  %s: " % name if i == 0 else "  " + " " * (len(name) + 2)
                out += _wrap(hint, width, initial_indent=prefix, subsequent_indent=" " * len(prefix))
            if len(exercise.hints) > count:
                more = ("hint %d of %d; --hint again shows the next" % (count, len(exercise.hints))
                        if isinstance(hints, dict) else "more: --hint %d" % (count + 1))
                out.append("  %s(%s)" % (" " * (len(name) + 2), more))
    elif failures:
        out += [""] + _wrap("Stuck? `%s` shows a hint for each exercise that lost points." % command, width)
    out.append("")
    if is_secret(result.seed):
        seed_text = secret_sentence(result.lesson)
    elif result.seed == catalogue.lesson(result.lesson).seed:
        seed_text = ("Randomized cases: the lesson's own (seed %d), the same at every run: the same code "
                     "gets the same score. --seed N draws others." % result.seed)
    else:
        seed_text = "Randomized cases were drawn with --seed %d (rerun with it for the same cases)." % result.seed
    out += _wrap(seed_text, width)
    return "\n".join(out) + "\n"


def _table(result, width, marks, ellipsis, paint):
    """One row per check: exercise, call, expected, got, points, source."""
    ex_w = min(max(len("exercise"), *(len(c.exercise) for c in result.checks)), 18)
    pts_w = max(len("points"), *(len("%s/%s" % (_points(c.score), _points(c.max_score))) for c in result.checks))
    src_w = min(max(len("source"), *(len(c.source) for c in result.checks)), 20 if width < 100 else 30)
    fixed = 7 + ex_w + pts_w + src_w  # the mark and six separating spaces
    free = max(width - fixed, 24)
    call_w = free * 2 // 5
    val_w = (free - call_w) // 2
    head = "  %s %s %s %s %s %s" % (
        "exercise".ljust(ex_w), "check".ljust(call_w), "expected".ljust(val_w), "got".ljust(val_w),
        "points".rjust(pts_w), "source")
    rows = [head.rstrip()]
    previous = None
    for c in result.checks:
        name = c.exercise if c.exercise != previous else ""
        previous = c.exercise
        # No answer to show: the check ended before one (an error, a timeout), or it checks
        # something other than a returned value. "None" is kept for an answer that was None.
        got = c.got if c.got else ("-" if c.status == "passed" else c.status)
        expected = c.expected or "-"
        expected, got = _cut_pair(expected, got, val_w, ellipsis) if not c.passed else (
            _cut(expected, val_w, ellipsis), _cut(got, val_w, ellipsis))
        row = "%s %s %s %s %s %s %s" % (
            marks[c.status], _cut(name, ex_w, ellipsis), _cut(_call_text(c), call_w, ellipsis),
            expected, got, ("%s/%s" % (_points(c.score), _points(c.max_score))).rjust(pts_w),
            _cut(c.source, src_w, ellipsis).rstrip())
        rows.append(paint(row, c.status) if c.status != "passed" else row)
    return rows


def _unrunnable(result, width, marks, paint):
    """The report of a file that could not be run at all (a syntax error, an import that
    fails): the reason once, with its line and caret, then one line per exercise."""
    out = wrap_message(result.problem, width, indent="  ", first="! ")
    out += [""] + _wrap("Nothing in the file could run, so every exercise scores 0 until this is fixed:", width)
    totals = result.exercises()
    name_w = max(len(name) for name in totals)
    for name, (score, max_score) in totals.items():
        out.append(paint("%s %s %s" % (marks["error"], name.ljust(name_w),
                                       ("%s/%s points" % (_points(score), _points(max_score)))), "error"))
    out.append("")
    out.append(paint("Total: %s / %s points · 0 of %d exercises complete" % (
        _points(result.score), _points(result.max_score), len(totals)), "failed"))
    return out
