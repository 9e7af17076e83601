"""Learner stubs, generated from the reference solutions (one source of truth).

A stub keeps everything of the solution file (module docstring, imports, constants,
comments between functions) and, for each top-level function, its signature and
docstring; the body becomes ``raise NotImplementedError``. ``grade generate`` writes
``exercises/``; ``grade generate --check`` fails when the committed stubs differ.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from .. import reference

STUB_BODY = 'raise NotImplementedError("write {name}")'


@dataclass(frozen=True)
class FunctionSource:
    """One top-level function of a solution file, split into its parts."""

    name: str
    header: str  # decorators, signature and docstring, as written
    body: str  # the implementation, as written (dedented one level)
    indent: str


def split_functions(source: str) -> list:
    """The top-level functions of ``source`` with their header/body split."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    found = []
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
        body = node.body
        first = body[0]
        has_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
        rest = body[1:] if has_doc else body
        header_end = first.end_lineno if has_doc else node.body[0].lineno - 1
        if not rest:
            raise ValueError("function %s has no implementation" % node.name)
        indent = lines[rest[0].lineno - 1][: rest[0].col_offset]
        found.append(FunctionSource(
            name=node.name,
            header="".join(lines[start:header_end]),
            body="".join(lines[rest[0].lineno - 1: node.end_lineno]),
            indent=indent,
        ))
    return found


def stub_source(source: str) -> str:
    """The learner's stub of a solution file's text."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    # Replace bodies from the bottom up so that earlier line numbers stay valid.
    for node in reversed(tree.body):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = node.body
        first = body[0]
        has_doc = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
        rest = body[1:] if has_doc else body
        begin = rest[0].lineno - 1
        end = node.end_lineno
        indent = lines[begin][: rest[0].col_offset]
        lines[begin:end] = [indent + STUB_BODY.format(name=node.name) + "\n"]
    return "".join(lines)


def repo_root() -> Path:
    root = reference.PACKAGE.parent
    if not (root / "solutions").is_dir():
        raise FileNotFoundError("stubs are generated in a checkout of the kit (no solutions/ beside autograder/)")
    return root


def expected_stubs(root: Path | None = None) -> dict:
    """``{path of the stub: its text}`` for every solution file."""
    root = root or repo_root()
    return {
        root / "exercises" / sol.name: stub_source(sol.read_text(encoding="utf-8"))
        for sol in sorted((root / "solutions").glob("*.py"))
    }


def drift(root: Path | None = None) -> list:
    """The stubs that differ from what would be generated (missing ones included)."""
    return [p for p, text in expected_stubs(root).items()
            if not p.is_file() or p.read_text(encoding="utf-8") != text]


def write_stubs(root: Path | None = None) -> list:
    written = []
    for path, text in expected_stubs(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
