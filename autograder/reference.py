"""The reference solutions: trusted code that the grader runs in its own process.

In a checkout of the kit they are ``solutions/<lesson>.py``; an installed kit carries a
copy inside the package (``autograder/_solutions``). ``AUTOGRADER_SOLUTIONS`` points
elsewhere (an instructor's own answers).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def solutions_dir() -> Path:
    candidates = []
    if os.environ.get("AUTOGRADER_SOLUTIONS"):
        candidates.append(Path(os.environ["AUTOGRADER_SOLUTIONS"]))
    candidates += [PACKAGE.parent / "solutions", PACKAGE / "_solutions"]
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError("the reference solutions are not installed (looked in %s)"
                            % ", ".join(map(str, candidates)))


def path(lesson: str) -> Path:
    return solutions_dir() / ("%s.py" % lesson)


@functools.cache
def load(lesson: str):
    """The reference solution module of ``lesson``, imported once."""
    file = path(lesson)
    spec = importlib.util.spec_from_file_location("autograder_reference_%s" % lesson, file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
