"""The learner's report in a terminal: a table of checks, a total, the failures in full.

Plain text that reads in 80 columns; colour only on a terminal and never with
``NO_COLOR`` set.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap

from . import course


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


def _points(x):
    return ("%.2f" % float(x)).rstrip("0").rstrip(".") if x.denominator != 1 else str(int(x))


def _display_path(path):
    """The submission's path, relative to the current folder when it is below it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def _call_text(check):
    """The call without the exercise's name, which its own column already shows."""
    call = check.call or check.name
    if call.startswith(check.exercise + "("):
        return call[len(check.exercise):]
    return call


def wrap_message(message, width, indent="    ") -> list:
    """A check's message as lines of at most ``width``: prose is wrapped, and lines that
    start with four spaces (the code line and caret of a syntax error) are kept as they are."""
    lines = []
    for part in message.split("\n"):
        if part.startswith("    "):
            lines.append(indent + part[4:])
        elif part.strip():
            lines += textwrap.wrap(part, width, initial_indent=indent, subsequent_indent=indent)
    return lines


def render(result, *, hints=0, verbose=False, width=None, color=None, stream=None) -> str:
    """The report of a :class:`LessonResult` as text.

    ``hints`` is how many hints to show for each exercise that lost points (0: none), or
    ``{exercise: how many}`` (progressive hints, see ``autograder.hints``).
    """
    width = width or min(shutil.get_terminal_size((100, 24)).columns, 140)
    color = use_color(stream) if color is None else color
    marks, ellipsis = _marks(stream)

    def paint(text, status):
        if not color:
            return text
        code = {"passed": "32", "failed": "31", "error": "31", "timeout": "33", "title": "1"}[status]
        return "\033[%sm%s\033[0m" % (code, text)

    lesson = course.lesson(result.lesson)
    out = [paint("%s · %s" % (result.lesson, result.title), "title")]
    out += textwrap.wrap("file: " + _display_path(result.submission), width - 2, subsequent_indent="      ")
    if result.isolation:
        out += textwrap.wrap("run: " + result.isolation, width - 2, subsequent_indent="      ")
    out.append("")
    if result.problem:
        out += textwrap.wrap(result.problem, width - 2, initial_indent="! ", subsequent_indent="  ")
        out.append("")

    ex_w = max(len("exercise"), *(len(c.exercise) for c in result.checks))
    ex_w = min(ex_w, 18)
    pts_w = max(len("points"), *(len("%s/%s" % (_points(c.score), _points(c.max_score))) for c in result.checks))
    src_w = min(max(len("source"), *(len(c.source) for c in result.checks)), 20 if width < 100 else 30)
    fixed = 7 + ex_w + pts_w + src_w  # the mark and six separating spaces
    free = max(width - fixed, 20)
    call_w = free * 2 // 5
    val_w = (free - call_w) // 2
    head = "  %s %s %s %s %s %s" % (
        "exercise".ljust(ex_w), "check".ljust(call_w), "expected".ljust(val_w), "got".ljust(val_w),
        "points".rjust(pts_w), "source")
    out.append(head.rstrip())
    previous = None
    for c in result.checks:
        name = c.exercise if c.exercise != previous else ""
        previous = c.exercise
        got = c.got if c.got else ("—" if c.status == "passed" else c.status)
        row = "%s %s %s %s %s %s %s" % (
            marks[c.status], _cut(name, ex_w, ellipsis), _cut(_call_text(c), call_w, ellipsis),
            _cut(c.expected, val_w, ellipsis), _cut(got, val_w, ellipsis),
            ("%s/%s" % (_points(c.score), _points(c.max_score))).rjust(pts_w),
            _cut(c.source, src_w, ellipsis).rstrip())
        out.append(paint(row, c.status) if c.status != "passed" else row)

    out.append("")
    done = [e for e, (s, m) in result.exercises().items() if s == m]
    total = "Total: %s / %s points · %d of %d exercises complete" % (
        _points(result.score), _points(result.max_score), len(done), len(result.exercises()))
    out.append(paint(total, "passed" if result.full_marks else "failed"))

    failures = [c for c in result.checks if not c.passed]
    if failures:
        out += ["", "What to fix" + ("" if verbose else " (the first failing check of each exercise; -v shows all)") + ":"]
    shown = {}
    for c in failures:
        shown[c.exercise] = shown.get(c.exercise, 0) + 1
        if result.problem and c.message == result.problem and c is not failures[0]:
            continue
        if shown[c.exercise] > 1 and not verbose:
            continue
        out.append("")
        out += textwrap.wrap("%s %s · %s · %s" % (marks[c.status], c.exercise, c.name, c.source), width - 2,
                             subsequent_indent="    ")
        out += wrap_message(c.message, width - 4)
        for note in c.notes:
            out += textwrap.wrap("Note: " + note, width - 4, initial_indent="    ", subsequent_indent="    ")
        if c.output.strip():
            printed = c.output.strip().splitlines()
            out.append("    Your code printed%s:" % (" (first lines)" if len(printed) > 5 else ""))
            out += ["      " + line[: width - 8] for line in printed[:5]]
        more = sum(1 for f in failures if f.exercise == c.exercise) - 1
        if more and not verbose:
            out.append("    (%d more failing check%s of %s)" % (more, "s" if more > 1 else "", c.exercise))
    notes = {n for c in result.checks if c.passed for n in c.notes}
    for note in sorted(notes):
        out += [""] + textwrap.wrap("Note: " + note, width - 2)
    if hints:
        lost = [e for e, (s, m) in result.exercises().items() if s != m]
        if lost:
            out += ["", "Hints:"]
        for name in lost:
            exercise = lesson.exercise(name)
            count = hints.get(name, 0) if isinstance(hints, dict) else hints
            for i, hint in enumerate(exercise.hints[:count]):
                prefix = "  %s: " % name if i == 0 else "  " + " " * (len(name) + 2)
                out += textwrap.wrap(hint, width - 2, initial_indent=prefix,
                                     subsequent_indent=" " * len(prefix))
            if len(exercise.hints) > count:
                more = ("hint %d of %d; --hint again shows the next" % (count, len(exercise.hints))
                        if isinstance(hints, dict) else "more: --hint %d" % (count + 1))
                out.append("  %s(%s)" % (" " * (len(name) + 2), more))
    elif failures:
        out += [""] + textwrap.wrap("Stuck? `grade %s --hint` shows a hint for each exercise that lost points."
                                    % result.lesson, width - 2)
    out.append("")
    out += textwrap.wrap("Randomized cases were drawn with --seed %d (rerun with it to see the same cases)."
                         % result.seed, width - 2)
    return "\n".join(out) + "\n"
