"""An instructor's whole term with real nbgrader, as the README's quick start tells it.

One lesson (lesson3) given as an assignment named ``week2``: ``grade course init``,
``generate_assignment``, ``release_assignment``; students fetch and submit through
nbgrader's exchange; ``collect``, ``autograde``, ``generate_feedback``, ``export``.
The kit had a bug in a grader at the first autograde (an extra check that always
fails); it is fixed, ``grade course regrade week2`` puts the kit's scores in the
gradebook (keeping a manual grade, and saying so), and a late submission comes in
after the due date. Every export must hold, for every student, the score the kit's
engine gives the same code; the autograde log must not cry wolf about the hidden tests'
checksums while it still reports a test cell a student edited. Before the mapping is
in nbgrader_config.py, autograde of ``week2`` fails loudly, saying what to do.
"""

import csv
import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import nbformat
import pytest

from autograder import catalogue

from autograder.instructor import regrade
from autograder.instructor.notebooks import grade_code, notebook_code
from test_nbgrader_roundtrip import _first_wrong_variant, filled

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
LESSON, ASSIGNMENT = "lesson3", "week2"
TIMEOUT = 900

# The kit before a fix: lesson3's grader had a check of neural_network that always failed.
BUG = '''

from autograder.grading import check as _check
from autograder.grading.plugin import CheckFailed as _CheckFailed


@_check("neural_network", rule="a bug of the kit, fixed before the regrade")
def test_neural_network_bug(student):
    raise _CheckFailed("a bug of the kit's grader: a wrong expected value")
'''
BUGGY_CONFIG = '''
# --- the kit before a fix in a grader (taken out before the regrade) ---
import autograder.catalogue as _kit
_kit.GRADERS_DIR = __import__("pathlib").Path(%r)
'''


def run(cwd, *args, ok=True):
    env = dict(os.environ, PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1",
               GROKKING_NO_HISTORY="1")
    env.pop("PYTEST_XDIST_WORKER", None)
    done = subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)
    if ok:
        assert done.returncode == 0, "%s failed:\n%s\n%s" % (" ".join(args), done.stdout[-3000:],
                                                           done.stderr[-6000:])
    return done


class Exchange:
    """A student's side of nbgrader's exchange (fetch_assignment, submit), in-process:
    the same code as the commands, without a new process for each student."""

    def __init__(self, root):
        self.root = root

    def _config(self, student, home):
        from traitlets.config import Config

        cfg = Config()
        cfg.Exchange.root = str(self.root)
        cfg.Exchange.assignment_dir = str(home)
        cfg.CourseDirectory.course_id = "grokking"
        cfg.CourseDirectory.assignment_id = ASSIGNMENT
        cfg.CourseDirectory.student_id = student
        return cfg

    def fetch(self, student, home):
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange.default import ExchangeFetchAssignment

        cfg = self._config(student, home)
        ExchangeFetchAssignment(coursedir=CourseDirectory(config=cfg), authenticator=Authenticator(config=cfg),
                                config=cfg).start()
        return home / ASSIGNMENT / ("%s.ipynb" % ASSIGNMENT)

    def submit(self, student, home):
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory
        from nbgrader.exchange.default import ExchangeSubmit

        cfg = self._config(student, home)
        ExchangeSubmit(coursedir=CourseDirectory(config=cfg), authenticator=Authenticator(config=cfg),
                       config=cfg).start()


def tampered(nb):
    """A notebook whose test cells were edited: one worth 100 points, one with an extra line."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    tests[1].metadata.nbgrader.points = 100
    tests[2].source += "\nassert True  # mine"
    return nb


def student_notebooks(released, source_nb):
    """``{student: notebook}`` of the class; zoe hands in late."""
    text, _ = _first_wrong_variant(LESSON)
    wrong = filled(released, source_nb)
    wrong.cells.append(nbformat.v4.new_code_cell(text))
    return {"ada": filled(released, source_nb), "ben": released, "cy": wrong,
            "dee": filled(released, source_nb), "eve": tampered(filled(released, source_nb)),
            "zoe": filled(released, source_nb)}


def kit_scores(root, students, graders=None):
    """``{student: total}`` the kit's engine gives each submitted notebook (``graders``:
    another graders folder, the kit before its fix)."""
    saved = catalogue.GRADERS_DIR
    try:
        if graders is not None:
            catalogue.GRADERS_DIR = graders
        out = {}
        for student in students:
            nb = nbformat.read(root / "submitted" / student / ASSIGNMENT / ("%s.ipynb" % ASSIGNMENT), as_version=4)
            result = grade_code(LESSON, notebook_code(nb), seed=regrade.seed_for(LESSON))
            assert not result.internal_errors
            out[student] = float(result.score)
        return out
    finally:
        catalogue.GRADERS_DIR = saved


def exported(root):
    run(root, "nbgrader", "export", "--to", "grades.csv")
    with open(root / "grades.csv", newline="") as f:
        return {r["student_id"]: r for r in csv.DictReader(f) if r["assignment"] == ASSIGNMENT}


def set_manual_grade(root, student, exercise, score):
    """What an instructor does in the formgrader: a manual grade for one test cell."""
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///%s" % (root / "gradebook.db")) as gb:
        grade = gb.find_grade("test_" + exercise, ASSIGNMENT, ASSIGNMENT, student)
        grade.manual_score = score
        gb.db.commit()


def set_due_date(root, when):
    """What `nbgrader db assignment add week2 --duedate=...` does."""
    from nbgrader.api import Gradebook

    with Gradebook("sqlite:///%s" % (root / "gradebook.db")) as gb:
        gb.update_or_create_assignment(ASSIGNMENT, duedate=when)


@pytest.fixture(scope="module")
def term(tmp_path_factory):
    base = tmp_path_factory.mktemp("term")
    root = base / "course"
    exchange = base / "exchange"
    exchange.mkdir(mode=0o777)
    os.chmod(exchange, 0o777)
    buggy = base / "graders-before-the-fix"
    buggy.mkdir()
    (buggy / ("test_%s.py" % LESSON)).write_text(catalogue.lesson(LESSON).grader.read_text(encoding="utf-8") + BUG,
                                                 encoding="utf-8")
    logs = {}

    # Before term: the course, the assignment released.
    logs["init"] = run(base, "grade", "course", "init", "course", "--lesson", LESSON,
                       "--assignment", "%s=%s" % (ASSIGNMENT, LESSON)).stdout
    config = root / "nbgrader_config.py"
    mapped = config.read_text(encoding="utf-8")
    assert "c.KitGrade.lessons = {\n    %r: %r,\n" % (LESSON, LESSON) in mapped
    assert "    %r: %r,\n}" % (ASSIGNMENT, LESSON) in mapped
    config.write_text(mapped + "c.Exchange.root = %r\n" % str(exchange) + BUGGY_CONFIG % str(buggy),
                      encoding="utf-8")
    run(root, "nbgrader", "generate_assignment", ASSIGNMENT)
    run(root, "nbgrader", "release_assignment", ASSIGNMENT)

    # The students fetch, work and submit; the due date passes; zoe submits late.
    released = nbformat.read(root / "release" / ASSIGNMENT / ("%s.ipynb" % ASSIGNMENT), as_version=4)
    source_nb = nbformat.read(root / "source" / ASSIGNMENT / ("%s.ipynb" % ASSIGNMENT), as_version=4)
    work = student_notebooks(released, source_nb)
    ex = Exchange(exchange)
    on_time = [s for s in work if s != "zoe"]
    for student in on_time:
        home = base / "home" / student
        path = ex.fetch(student, home)
        nbformat.write(work[student], path)
        ex.submit(student, home)

    # The mapping forgotten (an assignment made by hand): autograde fails loudly.
    config.write_text(config.read_text(encoding="utf-8").replace("    %r: %r,\n}" % (ASSIGNMENT, LESSON), "}"),
                      encoding="utf-8")
    run(root, "nbgrader", "collect", ASSIGNMENT)
    logs["unmapped"] = run(root, "nbgrader", "autograde", ASSIGNMENT, "--student", "ada", ok=False)
    config.write_text(config.read_text(encoding="utf-8").replace("c.KitGrade.lessons = {\n",
                                                                  "c.KitGrade.lessons = {\n    %r: %r,\n"
                                                                  % (ASSIGNMENT, LESSON)), encoding="utf-8")

    # Autograde with the kit as it was, feedback, export.
    logs["autograde"] = run(root, "nbgrader", "autograde", ASSIGNMENT)
    first_export = exported(root)
    first_kit = kit_scores(root, on_time, graders=buggy)

    # The fix reaches the kit; a manual grade was given meanwhile; regrade.
    set_manual_grade(root, "dee", "dot_shape", 0.5)
    config.write_text(config.read_text(encoding="utf-8").split(BUGGY_CONFIG.splitlines()[1])[0], encoding="utf-8")
    logs["regrade"] = run(root, "grade", "course", "regrade", ASSIGNMENT).stdout
    run(root, "nbgrader", "generate_feedback", ASSIGNMENT, "--force")
    second_export = exported(root)
    second_kit = kit_scores(root, on_time)

    # The late submission: after the due date, collected, autograded on its own.
    due = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=1)
    set_due_date(root, due.replace(tzinfo=None))
    home = base / "home" / "zoe"
    path = ex.fetch("zoe", home)
    nbformat.write(work["zoe"], path)
    ex.submit("zoe", home)
    run(root, "nbgrader", "collect", ASSIGNMENT, "--update")
    logs["late"] = run(root, "nbgrader", "autograde", ASSIGNMENT, "--student", "zoe")
    run(root, "nbgrader", "generate_feedback", ASSIGNMENT, "--student", "zoe")
    final_export = exported(root)
    final_kit = kit_scores(root, list(work))
    return {"root": root, "logs": logs, "due": due, "first": (first_export, first_kit),
            "second": (second_export, second_kit), "final": (final_export, final_kit)}


def test_a_notebook_that_maps_to_no_lesson_fails_autograde_loudly(term):
    done = term["logs"]["unmapped"]
    text = done.stdout + done.stderr
    assert done.returncode != 0
    assert "maps to no lesson" in text and "c.KitGrade.lessons = {'week2': 'lesson3'}" in text
    assert "grade course --help" in text


def test_the_first_autograde_holds_the_kits_scores_of_that_day(term):
    exported_grades, kit = term["first"]
    assert set(exported_grades) == set(kit)
    for student, score in kit.items():
        assert float(exported_grades[student]["raw_score"]) == pytest.approx(score, abs=1e-9), student
    assert kit["ada"] < 10  # the bug cost everyone a share of neural_network


def test_after_the_fix_and_the_regrade_the_export_holds_the_kits_scores(term):
    exported_grades, kit = term["second"]
    assert kit["ada"] == 10 and kit["ben"] == 0 and 0 < kit["cy"] < 10 and kit["eve"] == 10
    for student, score in kit.items():
        expected = score - 1 + 0.5 if student == "dee" else score  # dee's manual grade is kept
        assert float(exported_grades[student]["raw_score"]) == pytest.approx(expected, abs=1e-9), student
        assert float(exported_grades[student]["max_score"]) == catalogue.lesson(LESSON).max_score


def test_regrade_says_why_the_gradebook_total_differs(term):
    lines = {line.split(":")[0]: line for line in term["logs"]["regrade"].splitlines()}
    assert lines["ada"] == "ada: 10 / 10"
    assert "the gradebook total is 9.5 / 10" in lines["dee"]
    assert "manual grade of dot_shape is kept (0.5; the kit's checks give 1)" in lines["dee"]


def test_the_late_submission_is_graded_and_marked_late(term):
    exported_grades, kit = term["final"]
    assert set(exported_grades) == set(kit)
    zoe = exported_grades["zoe"]
    assert float(zoe["raw_score"]) == pytest.approx(kit["zoe"]) and kit["zoe"] == 10
    stamp = datetime.fromisoformat(zoe["timestamp"].replace(" UTC", "")).replace(tzinfo=timezone.utc)
    assert stamp > term["due"]
    assert float(zoe["late_submission_penalty"]) == 0 and float(zoe["score"]) == float(zoe["raw_score"])
    before = term["second"][0]
    for student in before:  # the late round changed nobody else's grade
        assert exported_grades[student]["raw_score"] == before[student]["raw_score"], student


def test_feedback_for_every_student(term):
    root = term["root"]
    for student in ("ada", "ben", "cy", "dee", "eve", "zoe"):
        html = (root / "feedback" / student / ASSIGNMENT / ("%s.html" % ASSIGNMENT)).read_text(encoding="utf-8")
        assert "points" in html and "bug of the kit" not in html  # the feedback after the fix


def test_hidden_tests_raise_no_checksum_warning_but_tampering_is_reported(term):
    log = term["logs"]["autograde"].stdout + term["logs"]["autograde"].stderr
    warnings = re.findall(r"Attribute '(\w+)' for cell (\w+) has changed", log)
    # Only eve edited test cells: one's points, another's source.
    assert sorted(warnings) == sorted([("points", "test_w_sum"), ("checksum", "test_ele_mul")]), warnings
    late = term["logs"]["late"].stdout + term["logs"]["late"].stderr
    assert "has changed" not in late
