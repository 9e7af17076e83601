"""What the learner's file says, read as text (parsed, never run) in the grading process.

Two questions the report needs answered: in which of the learner's functions did an
exception happen (so that a caller is not blamed for its callee), and does a function
read a variable of the script where it should use its own parameter (``input`` set at
the top of the file and read inside ``w_sum(a, b)``).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path


@functools.lru_cache(maxsize=8)
def _tree(path: str, mtime: float):
    try:
        return ast.parse(Path(path).read_text(encoding="utf-8", errors="replace"))
    except (OSError, SyntaxError, ValueError):
        return None


def tree(path):
    """The parsed file, or None: only a regular file the sandbox would grade is read (a
    FIFO would block, a symbolic link or a huge file is refused anyway)."""
    import os
    import stat

    from ..sandbox import MAX_SOURCE

    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SOURCE:
        return None
    return _tree(str(path), info.st_mtime)


def _functions(module):
    return [n for n in module.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def function_at(path, line) -> str | None:
    """The name of the top-level function of ``path`` whose body holds ``line``."""
    module = tree(path)
    if module is None or not line:
        return None
    for node in _functions(module):
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            return node.name
    return None


def _script_variables(module) -> set:
    """Names the script binds at its top level to data (not functions, classes or imports)."""
    names = set()
    for node in module.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            targets = [node.target]
        for target in targets:
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def script_variables_read(path, function) -> list:
    """The script-level variables that ``function`` reads without binding them itself, in
    the order they first appear (``[]`` when none, or when the file cannot be parsed)."""
    module = tree(path)
    if module is None:
        return []
    node = next((n for n in reversed(_functions(module)) if n.name == function), None)  # the last one counts
    if node is None:
        return []
    script = _script_variables(module)  # `input = [...]` at the top shadows the builtin too
    local = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, (ast.Store, ast.Del)):
            local.add(sub.id)
        elif isinstance(sub, (ast.Global, ast.Nonlocal)):
            local -= set(sub.names)
    read = []
    for sub in ast.walk(node):
        if (isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id in script
                and sub.id not in local and sub.id not in read):
            read.append(sub.id)
    return read


def parameters(signature: str) -> list:
    """The parameter names of a catalogue signature such as ``w_sum(a, b)``."""
    try:
        node = ast.parse("def " + signature.strip().rstrip(":") + ": pass").body[0]
    except SyntaxError:
        return []
    args = node.args
    return [a.arg for a in args.posonlyargs + args.args]


def note_script_variables(lesson, records, path) -> None:
    """On the failures of an exercise whose function reads variables of the learner's script
    (``input`` set at the top of the file, read inside ``w_sum(a, b)``), say so: the checks
    call it with other values, which it never sees."""
    failing = {}
    for record in records:
        if not record.passed:
            failing.setdefault(record.exercise, []).append(record)
    for exercise, bad in failing.items():
        read = script_variables_read(path, exercise)
        if not read:
            continue
        try:
            params = parameters(lesson.exercise(exercise).signature)
        except KeyError:
            params = []
        names = " and ".join(read[:3])
        note = ("%s reads %s, set at the top level of your file, instead of %s: the checks call it "
                "with other values, which it never sees. Use the parameters (%s)." % (
                    exercise, names, "its parameters" if params else "its arguments", ", ".join(params)))
        for record in bad:
            if record.slip and record.status != "failed":
                # The check's guess at why the call raised gives way to what the file shows.
                record.message = record.message.replace(" " + record.slip, "", 1)
                record.slip = ""
            record.note(note)
