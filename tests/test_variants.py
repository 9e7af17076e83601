"""Wrong implementations lose points on their exercise; correct ones in other styles keep
full marks. Each variant file redefines one or more functions of the reference solution
and names, in a ``# exercise:`` header, the exercise(s) it is about."""

import pytest

from autograder import catalogue
from conftest import VARIANTS, exercise_scores, grade_text, header, variant_files, with_override


@pytest.mark.parametrize("lesson,path", variant_files("wrong"))
def test_wrong_variant_loses_points(tmp_path, lesson, path):
    text = path.read_text(encoding="utf-8")
    targets = header(text, "exercise")
    assert targets, "%s needs a '# exercise: name' header" % path.name
    result = grade_text(tmp_path, lesson, with_override(lesson, text))
    assert not result.internal_errors, [c.internal_error for c in result.internal_errors]
    scores = exercise_scores(result)
    for name in targets:
        score, max_score = scores[name]
        assert score < max_score, "%s was not caught: %s scored %s/%s" % (path.name, name, score, max_score)
    from autograder import catalogue

    lesson_meta = catalogue.lesson(lesson)
    collateral = set(targets).union(*(lesson_meta.dependents(t) for t in targets))
    for name, (score, max_score) in scores.items():
        if name not in collateral:
            assert score == max_score, "%s cost %s points it should not touch" % (path.name, name)
    failing = [c for c in result.checks if c.exercise in targets and not c.passed]
    assert all(c.message for c in failing), "every failed check explains itself"
    for name in header(text, "check"):  # the fixed case this variant is there to prove
        assert any(c.name == name or c.name.startswith(name + "[") for c in failing), (
            "%s does not fail the check %s it is meant to prove" % (path.name, name))
    for expected in header(text, "message"):
        assert any(expected in c.message for c in failing), (expected, [c.message for c in failing])
    # A known misconception is named exactly when the variant makes that mistake.
    # (an exercise that calls the broken one may show the same mistake: not counted here)
    named = {c.misconception for c in result.checks if c.misconception and c.exercise in targets}
    assert named == set(header(text, "misconception")), named


@pytest.mark.parametrize("lesson,path", variant_files("correct"))
def test_correct_variant_full_marks(tmp_path, lesson, path):
    text = path.read_text(encoding="utf-8")
    result = grade_text(tmp_path, lesson, with_override(lesson, text))
    bad = [(c.name, c.message) for c in result.checks if not c.passed]
    assert result.full_marks, bad
    assert not any(c.misconception for c in result.checks)


@pytest.mark.parametrize("lesson", list(catalogue.lessons()))
def test_each_fixed_case_names_the_slip_it_catches_and_a_variant_proves_it(lesson):
    """Every grader module lists its fixed cases (check -> the slip it catches, and the wrong
    variant that shows it does); each variant named exists and fails that very check (the
    ``# check:`` header, which test_wrong_variant_loses_points verifies)."""
    import importlib.util
    import re

    grader = catalogue.lesson(lesson).grader
    spec = importlib.util.spec_from_file_location("grader_%s" % lesson, grader)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fixed = getattr(module, "FIXED_CASES", None)
    assert fixed, "%s lists no FIXED_CASES" % grader.name
    for name, slip in fixed.items():
        assert callable(getattr(module, "test_" + name, None)), "%s: no check named %s" % (grader.name, name)
        m = re.search(r"\(([a-z0-9_, ]+)\)$", slip)
        assert m, "%s: %s names no variant that proves it" % (grader.name, name)
        for stem in m.group(1).split(", "):
            path = VARIANTS / lesson / "wrong" / (stem + ".py")
            assert path.is_file(), "%s: variant %s not found" % (name, path)
            assert name in header(path.read_text(encoding="utf-8"), "check"), (
                "%s has no '# check: %s' header" % (path.name, name))


@pytest.mark.parametrize("lesson,stem,exercise,kept", [
    # A step that always goes up keeps only the course's own step (up is right there).
    ("lesson4", "hot_cold_step_always_up", "hot_cold_step", 0.2),
    # np.array(weights) truncating every update keeps the float cases only: the traces and half
    # of the randomized cases; the integer cases, fixed and randomized, are lost.
    ("lesson5", "multi_in_out_step_integer_copy", "multi_in_out_step", 0.6),
])
def test_plausible_slips_lose_most_of_their_points(tmp_path, lesson, stem, exercise, kept):
    text = (VARIANTS / lesson / "wrong" / (stem + ".py")).read_text(encoding="utf-8")
    score, max_score = exercise_scores(grade_text(tmp_path, lesson, with_override(lesson, text)))[exercise]
    assert score <= kept * max_score, "%s keeps %s of %s points" % (stem, score, max_score)
