"""Practising from memory: putting a blank stub back, and drilling a passed exercise.

``reset`` never loses a learner's work: the current file is first copied beside itself
with a timestamp (``lesson4.py.20261123-194012.bak``, with ``-2``, ``-3``... when that
name is taken). ``drill`` picks the exercise passed longest ago and writes a scratch file
with its blank stub (plus the learner's own versions of the exercises it calls).
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import textwrap
import time
from pathlib import Path

from .. import catalogue, reference

from ..instructor import generate

from . import history
from .state import state_dir


class PracticeError(Exception):
    """Something a learner must know (the message says what to do)."""


def backup(path: Path, now=None) -> Path:
    """Copy ``path`` beside itself under a timestamped name that does not exist yet."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    candidate = path.with_name("%s.%s.bak" % (path.name, stamp))
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name("%s.%s-%d.bak" % (path.name, stamp, n))
    shutil.copy2(path, candidate)
    return candidate


def _stub_text(lesson: str) -> str:
    return generate.stub_source(reference.path(lesson).read_text(encoding="utf-8"))


def _function_span(tree, name):
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            start = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            return start - 1, node.end_lineno
    return None


def function_source(text: str, name: str) -> str | None:
    """The source of the top-level function ``name`` in ``text`` (None if absent)."""
    span = _function_span(ast.parse(text), name)
    if span is None:
        return None
    return "".join(text.splitlines(keepends=True)[span[0]:span[1]])


def reset(lesson: str, exercise: str | None = None, path: Path | None = None, now=None):
    """Put the blank stub of ``exercise`` (or of the whole lesson) back in ``path``.

    Returns ``(backup_path_or_None, path)``.
    """
    meta = catalogue.lesson(lesson)
    if exercise is not None:
        meta.exercise(exercise)  # KeyError for an unknown exercise
    path = Path(path) if path else Path("exercises") / ("%s.py" % lesson)
    stub = _stub_text(lesson)
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(stub, encoding="utf-8")
        return None, path
    saved = backup(path, now)
    if exercise is None:
        path.write_text(stub, encoding="utf-8")
        return saved, path
    text = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(text)
    except SyntaxError as exc:
        raise PracticeError("%s has a syntax error on line %s, so one function cannot be replaced in it. "
                            "Your file is kept as %s; `grade reset %s` puts the whole stub back."
                            % (path, exc.lineno, saved.name, lesson)) from None
    blank = function_source(stub, exercise)
    span = _function_span(tree, exercise)
    lines = text.splitlines(keepends=True)
    if span is None:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines += ["\n", "\n", blank]
    else:
        lines[span[0]:span[1]] = [blank]
    path.write_text("".join(lines), encoding="utf-8")
    return saved, path


# ------------------------------------------------------------------------- drills

# Code written out in prose: an assignment, a power, a matrix product, a NumPy call, or a
# ``span`` with an operator in it. A drill is written from memory, so its docstrings keep
# what a function is for and its examples, never the lines that compute it.
CODE = re.compile(r"[A-Za-z_][\w.\[\]]*\s[-+*/]?=\s|\*\*|\s@\s|\bnp\.\w+\(|\brng\.\w+\(|\.dot\(|\.T\b"
                  r"|``[^`]*(\s[-+*/]\s|=)[^`]*``")


def without_code(docstring: str, name: str) -> str:
    """``docstring`` without the sentences that write its function's code out (the examples
    after ``>>>`` stay: they show what it returns, not how)."""
    blocks, current, in_example = [], [], False
    for line in docstring.strip("\n").splitlines():
        stripped = line.strip()
        if stripped.startswith(">>>") or (in_example and stripped):
            if current and not in_example:
                blocks.append(("prose", current))
                current = []
            in_example = True
            current.append(line.rstrip())
            continue
        if current and (not stripped or in_example or re.match(r"(- |\d+\. )", stripped)):
            blocks.append(("example" if in_example else "prose", current))
            current = []
        in_example = False
        if stripped:
            current.append(stripped)
    if current:
        blocks.append(("example" if in_example else "prose", current))
    out = []
    for i, (kind, lines) in enumerate(blocks):
        if kind == "example":
            out.append("\n".join(lines))
            continue
        text = " ".join(lines)
        if re.match(r"(- |\d+\. )", text) and CODE.search(text):
            continue  # a step of a recipe that writes the code: the whole step goes
        pieces = re.split(r"(?<=[.:;])\s+", text)
        keep = [not CODE.search(piece) for piece in pieces]
        for j in range(len(pieces) - 1):  # "Why: <code>" loses its label too
            if pieces[j].endswith(":") and not keep[j + 1] and i > 0:
                keep[j] = False
        kept = [piece for piece, k in zip(pieces, keep) if k]
        if not kept:
            continue
        text = " ".join(kept)
        text = text[:-1] + "." if text.endswith((":", ";")) else text
        text = text[0].upper() + text[1:]
        out.append(textwrap.fill(text, 76, break_on_hyphens=False))
    if not out or out[0].startswith(">>>"):
        out.insert(0, "Write %s from memory: the examples show what it returns." % name)
    return "\n\n".join(out)


def _drill_function(source: str) -> str:
    """A stub function's source with its docstring :func:`without_code`."""
    node = ast.parse(source).body[0]
    doc = ast.get_docstring(node, clean=True)
    if not doc:
        return source
    first = node.body[0]
    lines = source.splitlines(keepends=True)
    body = textwrap.indent(without_code(doc, node.name), "    ").replace("\\", "\\\\")
    new = '    """%s\n    """\n' % body.strip()
    return "".join(lines[:first.lineno - 1]) + new + "".join(lines[first.end_lineno:])

DRILL_FILE = "drill.json"


def pick_drill(lesson: str | None = None, rows=None):
    """``(lesson, exercise)`` passed longest ago (optionally within one lesson), or None.

    ``rows`` is ``history.summary()`` when the caller has read it already."""
    rows = history.summary() if rows is None else rows
    passed = [h for h in rows if h.last_passed is not None and (lesson is None or h.lesson == lesson)
              and h.lesson in catalogue.lessons()]
    if not passed:
        return None
    oldest = min(passed, key=lambda h: h.last_passed)
    return oldest.lesson, oldest.exercise


def start_drill(lesson: str, exercise: str, folder: Path, source_file: Path | None = None) -> Path:
    """Write the drill's scratch file: the blank stub of ``exercise`` and, so that it can
    run, the learner's own versions of the exercises it calls."""
    meta = catalogue.lesson(lesson)
    stub = _stub_text(lesson)
    tree = ast.parse(stub)
    head_end = min((n.lineno - 1 for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))),
                   default=len(stub.splitlines()))
    first = tree.body[0] if tree.body else None
    head_start = first.end_lineno if isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant) else 0
    header = "".join(stub.splitlines(keepends=True)[head_start:head_end]).strip()
    header = header + "\n" if header else ""
    learner = source_file.read_text(encoding="utf-8") if source_file and source_file.is_file() else ""
    parts = ['"""Drill: write %s from memory, then run `grade drill --check`."""\n\n' % exercise, header]
    for name in [e.name for e in meta.exercises if e.name in meta.depends_on(exercise)]:
        own = None
        if learner:
            try:
                own = function_source(learner, name)
            except SyntaxError:
                own = None
        parts += ["\n\n# Your %s, as it is in your lesson file (the drill calls it):\n" % name,
                  own or _drill_function(function_source(stub, name))]
    parts += ["\n\n", _drill_function(function_source(stub, exercise))]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ("%s_%s.py" % (lesson, exercise))
    path.write_text("".join(parts), encoding="utf-8")
    (state_dir() / DRILL_FILE).write_text(json.dumps({"lesson": lesson, "exercise": exercise, "path": str(path.resolve())}))
    return path


def current_drill():
    """``{"lesson", "exercise", "path"}`` of the drill in progress, or None."""
    file = state_dir() / DRILL_FILE
    if not file.is_file():
        return None
    return json.loads(file.read_text())
