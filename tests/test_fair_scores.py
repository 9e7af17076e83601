"""One code, one score: grading never depends on the run, the machine or the student.

Every wrong variant of the kit's tests is graded ten times without a seed (its own
exercises, as a drill grades them: the rest of the file is the reference solution), and
the whole file as two different students in one batch: every grading gives the same
score. The randomized cases come from the lesson's own seed (``Lesson.seed``), so
nothing but the code can move a score."""

import pytest

from autograder.ci import batch

from autograder import catalogue
from autograder.grading.engine import grade
from autograder.sandbox import use_launcher
from conftest import VARIANTS, header, with_override

RUNS = 10


@pytest.mark.slow  # minutes: -m 'not slow' leaves it out of a developer's run, never out of CI's
@pytest.mark.parametrize("lesson", list(catalogue.lessons()))
def test_every_wrong_variant_gets_one_score(tmp_path, lesson):
    variants = sorted((VARIANTS / lesson / "wrong").glob("*.py"))
    assert variants
    scores = {}  # variant -> {exercise: score}
    use_launcher()  # each sandbox forked from a process with NumPy loaded: ten runs cost less
    try:
        for path in variants:
            text = path.read_text(encoding="utf-8")
            targets = header(text, "exercise")
            file = tmp_path / path.stem / ("%s.py" % lesson)
            file.parent.mkdir()
            file.write_text(with_override(lesson, text), encoding="utf-8")
            runs = set()
            for _ in range(RUNS):
                result = grade(lesson, file, exercises=targets)
                runs.add(tuple(sorted(result.exercises().items())))
            assert len(runs) == 1, "%s got %d different scores in %d runs: %s" % (path.name, len(runs), RUNS, runs)
            scores[path.stem] = dict(runs.pop())
    finally:
        use_launcher(False)
    # The whole files, as two students each, in one batch without --seed.
    for student in ("ann", "bob"):
        for path in variants:
            folder = tmp_path / "class" / ("%s-%s" % (student, path.stem))
            folder.mkdir(parents=True)
            (folder / ("%s.py" % lesson)).write_text(with_override(lesson, path.read_text(encoding="utf-8")))
    rows = batch.grade_all(batch.find_submissions([str(tmp_path / "class")], [lesson]), jobs=2)
    by_student = {row.student: row for row in rows}
    for path in variants:
        ann, bob = by_student["ann-" + path.stem], by_student["bob-" + path.stem]
        assert ann.status == bob.status == "graded", (ann.message, bob.message)
        assert ann.seed == bob.seed == catalogue.lesson(lesson).seed
        assert ann.score == bob.score, "%s: %s for one student, %s for another" % (path.name, ann.score, bob.score)
        whole = ann.result.exercises()
        for exercise, score in scores[path.stem].items():
            assert whole[exercise] == score, (path.name, exercise, whole[exercise], score)
