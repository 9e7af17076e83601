"""Hostile or careless submissions cost at most the exercises they touch.

Each file in ``tests/hostile`` is appended to the reference solution of its lesson, so
that every function it does not redefine is right: those exercises must keep full marks,
the ones named in its ``# exercise:`` header must lose points (``all``: the file cannot be
imported, every exercise loses; ``none``: nothing may be lost).
"""

from pathlib import Path

import numpy as np
import pytest

from autograder import catalogue
from conftest import exercise_scores, grade_text, header, with_override

HOSTILE = sorted((Path(__file__).parent / "hostile").glob("*.py"))


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_hostile_submission_is_contained(tmp_path, path):
    real_allclose = np.allclose
    text = path.read_text(encoding="utf-8")
    (lesson,) = header(text, "lesson")
    targets = header(text, "exercise")
    result = grade_text(tmp_path, lesson, with_override(lesson, text))
    assert not result.internal_errors, [c.internal_error for c in result.internal_errors]
    scores = exercise_scores(result)
    collateral = set(targets).union(*(catalogue.lesson(lesson).dependents(t) for t in targets if t in scores))
    for name, (score, max_score) in scores.items():
        if targets == ["all"]:
            assert score == 0, (name, score)
        elif name in targets:
            assert score < max_score, "%s: %s kept its points" % (path.name, name)
        elif name not in collateral:
            assert score == max_score, "%s: %s lost points it earned" % (path.name, name)
    for check in result.checks:
        if not check.passed:
            assert check.message and "grader itself" not in check.message
    assert np.allclose is real_allclose  # the grading process is untouched
