"""Shared helpers of the kit's tests: grade real files through the engine."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from autograder import catalogue
from autograder.grading.engine import grade

# Variant and hostile files are learners' code to grade, not tests (nor doctests) to run.
collect_ignore_glob = ["hostile/*", "variants/*"]

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = Path(__file__).resolve().parent / "variants"
SHARED = ROOT.parent / "shared"


def solution_text(lesson: str) -> str:
    return (ROOT / "solutions" / ("%s.py" % lesson)).read_text(encoding="utf-8")


def grade_text(tmp_path, lesson: str, text: str, *, seed=None, name=None):
    """Grade ``text`` as a learner's file for ``lesson``."""
    path = tmp_path / (name or "%s.py" % lesson)
    path.write_text(text, encoding="utf-8")
    return grade(lesson, path, seed=seed)


def assert_valid_junit(text: str):
    """``text`` validates against the JUnit schema (tests/data/junit.xsd, in the shape of
    the one Jenkins' xunit plugin uses)."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(Path(__file__).resolve().parent / "data" / "junit.xsd")))
    schema.assertValid(etree.fromstring(text.encode("utf-8")))


def with_override(lesson: str, override: str) -> str:
    """The reference solution with some functions redefined by ``override``."""
    return solution_text(lesson) + "\n\n# --- variant under test ---\n" + override


def header(text: str, key: str) -> list:
    """Values of ``# key: a, b`` lines at the top of a variant file."""
    values = []
    for line in text.splitlines():
        m = re.match(r"#\s*%s:\s*(.*)" % key, line)
        if m:
            parts = m.group(1).split(",") if key in ("exercise", "check") else [m.group(1)]
            values += [v.strip() for v in parts if v.strip()]
    return values


def variant_files(kind: str):
    """``(lesson, path)`` of every variant of ``kind`` (``wrong`` or ``correct``)."""
    found = []
    for lesson in catalogue.lessons():
        folder = VARIANTS / lesson / kind
        found += [pytest.param(lesson, p, id="%s/%s" % (lesson, p.stem)) for p in sorted(folder.glob("*.py"))]
    return found


def exercise_scores(result):
    return {name: (float(s), float(m)) for name, (s, m) in result.exercises().items()}


@pytest.fixture(autouse=True, scope="session")
def _private_state(tmp_path_factory):
    """The learner's state (history, hint levels, drills) of the tests lives in a tmp folder."""
    os.environ["GROKKING_STATE_DIR"] = str(tmp_path_factory.mktemp("state"))
