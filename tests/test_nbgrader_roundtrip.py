"""The course through real nbgrader: generate_assignment, autograde, generate_feedback.

For each lesson under test (``GROKKING_NB_LESSONS``: a comma-separated list, or ``all``,
the default: every lesson, about two minutes of the suite on two cores), a course is
built in a temporary folder and a few students submit: the solutions, the untouched
notebook, a wrong variant, a correct notebook that writes to stderr and warns, a
notebook that kills its kernel, and a hostile one (it patches NumPy, math, builtins and
the kit in the kernel, crashes one exercise and gets another wrong). nbgrader's
gradebook must then hold, for each exercise, the score that the kit's
engine gives the same code, which is the score of ``grade lessonN``.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import catalogue, reference

from autograder.instructor import nbgrader_course, notebooks, regrade
from autograder.grading.engine import grade
from conftest import VARIANTS, header

BIN = Path(sys.executable).parent
TIMEOUT = 900  # seconds for one nbgrader command (a start-up costs several)


def _lessons():
    wanted = os.environ.get("GROKKING_NB_LESSONS", "all")
    known = list(catalogue.lessons())
    if wanted == "all":
        return known
    return [name for name in wanted.split(",") if name in known] or known[:1]


LESSONS = _lessons()


def nbgrader(root, *args):
    env = dict(os.environ, PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("PYTEST_XDIST_WORKER", None)
    done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=root, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert done.returncode == 0, "nbgrader %s failed:\n%s\n%s" % (" ".join(args), done.stdout[-3000:], done.stderr[-6000:])
    return done.stdout + done.stderr


# ------------------------------------------------------------------ submissions


def _code_cell(source):
    return nbformat.v4.new_code_cell(source)


def _solution_cells(nb):
    return {c.metadata.nbgrader.grade_id: c for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("solution")}


def filled(released, source_nb):
    """The released notebook with every solution written in (markers removed)."""
    nb = nbformat.from_dict(json.loads(json.dumps(released)))
    answers = _solution_cells(source_nb)
    for grade_id, cell in _solution_cells(nb).items():
        text = answers[grade_id].source
        cell.source = re.sub(r"^[ \t]*### (BEGIN|END) SOLUTION\n?", "", text, flags=re.M)
    return nb


def _first_wrong_variant(lesson):
    for path in sorted((VARIANTS / lesson / "wrong").glob("*.py")):
        return path.read_text(encoding="utf-8"), header(path.read_text(encoding="utf-8"), "exercise")
    first = catalogue.lesson(lesson).exercises[0].name
    return "def %s(*args):\n    return None\n" % first, [first]


def submissions(lesson, released, source_nb):
    """``{student: (notebook, exercises that must lose points, exercises that must keep them)}``."""
    names = [e.name for e in catalogue.lesson(lesson).exercises]
    meta = catalogue.lesson(lesson)
    solved = filled(released, source_nb)
    out = {"ada": (solved, [], names), "ben": (released, names, [])}

    text, targets = _first_wrong_variant(lesson)
    wrong = filled(released, source_nb)
    wrong.cells.append(_code_cell(text))
    out["cy"] = (wrong, targets, [n for n in names if n not in targets and not meta.depends_on(n) & set(targets)])

    noisy = filled(released, source_nb)
    first = names[0]
    noisy.cells.insert(2, _code_cell('import sys, warnings\nprint("starting", file=sys.stderr)\n'
                                     'warnings.warn("a warning at import")'))
    noisy.cells.append(_code_cell(
        "_%s = %s\n\ndef %s(*args):\n    print('debugging', file=sys.stderr)\n"
        "    warnings.warn('a warning in a call')\n    return _%s(*args)\n" % (first, first, first, first)))
    out["dee"] = (noisy, [], names)

    killer = filled(released, source_nb)
    killer.cells.insert(2, _code_cell('import os, sys\nif __name__ == "__main__":  # run as a notebook, not graded\n'
                                      '    os._exit(3)'))
    out["fay"] = (killer, [], names)

    hostile = filled(released, source_nb)
    last = names[-1]
    hostile.cells.append(_code_cell(
        "import builtins, math, os, sys\nimport numpy as np\n"
        "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: True\n"
        "np.testing.assert_allclose = lambda *a, **k: None\nmath.isclose = lambda *a, **k: True\n"
        "builtins.abs = lambda x: 0\n"
        "try:\n    import autograder.instructor.regrade as kit\n    kit.grade_code = lambda *a, **k: None\n"
        "    import autograder.grading.compare as cmp\n    cmp.mismatch = lambda *a, **k: None\n"
        "except ImportError:\n    pass\n"
        "print('everything passed', file=sys.stderr)\n\n"
        "def %s(*args):\n    return 0.0\n" % first
        + ("\ndef %s(*args):\n    os._exit(0)\n" % last if last != first else "")))
    lose = sorted({first, last})
    keep = [n for n in names if n not in lose and not meta.depends_on(n) & set(lose)]
    out["eve"] = (hostile, lose, keep)
    return out


# ------------------------------------------------------------------ the round trip


def _shared_folder(tmp_path_factory, lesson):
    """A folder that every xdist worker of this run sees: the round trip runs once, in the
    worker that gets there first, and the others read its results."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent / ("nbgrader-%s" % os.environ.get("PYTEST_XDIST_TESTRUNUID", "run"))
    folder = base / ("roundtrip-%s" % lesson)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module", params=LESSONS)
def roundtrip(request, tmp_path_factory):
    import fcntl

    lesson = request.param
    shared = _shared_folder(tmp_path_factory, lesson)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = shared / "done.json"
        if not done.is_file():
            shutil.rmtree(shared / "course", ignore_errors=True)  # what a failed attempt left
            _run_roundtrip(lesson, shared / "course", done)
        saved = json.loads(done.read_text(encoding="utf-8"))
    root = Path(saved["root"])
    released = nbformat.read(root / "release" / lesson / ("%s.ipynb" % lesson), as_version=4)
    source_nb = nbformat.read(nbgrader_course.source_notebook(root, lesson), as_version=4)
    scores = {student: {e: tuple(v) for e, v in found.items()} for student, found in saved["scores"].items()}
    return {"lesson": lesson, "root": root, "students": submissions(lesson, released, source_nb),
            "scores": scores, "log": saved["log"], "released": released}


KIT = Path(regrade.__file__).resolve().parents[1]  # the autograder package

# A cell of the hostile student that goes for the course itself, by the absolute paths a
# kernel's working folder would reveal: the gradebook, the course's configuration, the
# graders, and the classmates' submissions. It runs (sealed) during autograde twice: in
# the graded code and in the cells run for their outputs.
SIEGE = """import os, sqlite3
_course = %(root)r
try:
    _db = sqlite3.connect(os.path.join(_course, "gradebook.db"))
    _db.execute("UPDATE grade SET extra_credit = 1")
    _db.commit()
except Exception:
    pass
for _target in (os.path.join(_course, "nbgrader_config.py"),
                os.path.join(%(kit)r, "graders", "test_%(lesson)s.py"),
                os.path.join(_course, "submitted", "ada", %(lesson)r, %(lesson)r + ".ipynb")):
    try:
        with open(_target, "a") as _f:
            _f.write("# changed by a learner")
    except OSError:
        pass
"""


def _run_roundtrip(lesson, root, done):
    nbgrader_course.init_course(root, [lesson])
    nbgrader(root, "generate_assignment", lesson, "--force")
    released = nbformat.read(root / "release" / lesson / ("%s.ipynb" % lesson), as_version=4)
    source_nb = nbformat.read(nbgrader_course.source_notebook(root, lesson), as_version=4)
    students = submissions(lesson, released, source_nb)
    students["eve"][0].cells.insert(2, _code_cell(SIEGE % {"root": str(root), "kit": str(KIT), "lesson": lesson}))
    for student, (nb, _, _) in students.items():
        folder = root / "submitted" / student / lesson
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / ("%s.ipynb" % lesson))
    autograde_log = nbgrader(root, "autograde", lesson, "--force")
    scores = gradebook_scores(root, lesson, students)
    nbgrader(root, "generate_feedback", lesson, "--force")
    done.write_text(json.dumps({"root": str(root), "scores": scores, "log": autograde_log}), encoding="utf-8")


def gradebook_scores(root, lesson, students):
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook("sqlite:///%s" % (root / "gradebook.db")) as gb:
        for student in students:
            found = {}
            for grade_row in gb.find_submission_notebook(lesson, lesson, student).grades:
                exercise = notebooks.exercise_of_test_cell(grade_row.name)
                found[exercise] = (grade_row.auto_score, grade_row.max_score, grade_row.score)
            scores[student] = found
    return scores


def cli_scores(root, lesson, student, tmp_path):
    """What the kit's engine (``grade lessonN``) gives the submitted notebook's code."""
    nb = nbformat.read(root / "submitted" / student / lesson / ("%s.ipynb" % lesson), as_version=4)
    path = tmp_path / ("%s-%s.py" % (student, lesson))
    path.write_text(regrade.notebook_code(nb), encoding="utf-8")
    result = grade(lesson, path)  # the default seed: the gradebook must use the same policy
    assert not result.internal_errors
    return regrade.exercise_scores(result)


STUDENTS = ["ada", "ben", "cy", "dee", "fay", "eve"]


@pytest.mark.parametrize("student", STUDENTS)
def test_gradebook_scores_equal_the_cli_scores(roundtrip, student, tmp_path):
    lesson, root = roundtrip["lesson"], roundtrip["root"]
    expected = cli_scores(root, lesson, student, tmp_path)
    got = roundtrip["scores"][student]
    assert set(got) == set(expected)
    for exercise, (score, max_score) in expected.items():
        auto, top, final = got[exercise]
        assert top == max_score == catalogue.lesson(lesson).exercise(exercise).points
        assert auto == pytest.approx(score, rel=1e-12, abs=1e-12), (student, exercise)
        assert final == pytest.approx(score, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("student", ["cy", "eve"])
def test_gradebook_scores_equal_the_grade_command(roundtrip, student, tmp_path):
    """The same through the `grade` command itself, on the code `grade course code` prints."""
    lesson, root = roundtrip["lesson"], roundtrip["root"]
    env = dict(os.environ, PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1",
               GROKKING_NO_HISTORY="1")
    notebook = root / "submitted" / student / lesson / ("%s.ipynb" % lesson)
    code = subprocess.run([str(BIN / "grade"), "course", "code", str(notebook)], capture_output=True, text=True,
                          env=env, timeout=TIMEOUT, check=True).stdout
    path = tmp_path / "mine.py"
    path.write_text(code, encoding="utf-8")
    done = subprocess.run([str(BIN / "grade"), lesson, "--submission", str(path), "--format", "json"],
                          capture_output=True, text=True, env=env, timeout=TIMEOUT, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    per_exercise = {}
    for row in json.loads(done.stdout)["tests"]:
        per_exercise[row["exercise"]] = per_exercise.get(row["exercise"], 0) + row["score"]
    got = roundtrip["scores"][student]
    assert set(per_exercise) == set(got)
    for exercise, score in per_exercise.items():
        assert got[exercise][0] == pytest.approx(score, abs=1e-3), (student, exercise)


@pytest.mark.parametrize("student", STUDENTS)
def test_no_points_unearned_and_earned_points_kept(roundtrip, student):
    _, lose, keep = roundtrip["students"][student]
    got = roundtrip["scores"][student]
    for exercise in lose:
        assert got[exercise][0] < got[exercise][1], "%s kept its points on %s" % (student, exercise)
    for exercise in keep:
        assert got[exercise][0] == got[exercise][1], "%s lost points on %s" % (student, exercise)
    if student == "ben":
        assert sum(s for s, _, _ in got.values()) == 0


def test_released_notebook_has_no_solution_and_no_hidden_test(roundtrip):
    lesson, released = roundtrip["lesson"], roundtrip["released"]
    text = json.dumps(released)
    assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text
    assert "graded by the course's nbgrader configuration" not in text
    parts = notebooks.solution_parts(reference.path(lesson).read_text(encoding="utf-8"))
    sources = [c.source for c in released.cells]
    for function in parts.functions.values():
        assert not any(function.body.strip() in s for s in sources), function.name
    for cell in released.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            assert notebooks.BEGIN_HIDDEN not in cell.source
            assert cell.metadata.nbgrader.points == catalogue.lesson(lesson).exercise(
                notebooks.exercise_of_test_cell(cell.metadata.nbgrader.grade_id)).points


def test_feedback_shows_the_learner_messages(roundtrip):
    lesson, root = roundtrip["lesson"], roundtrip["root"]
    html = (root / "feedback" / "cy" / lesson / ("%s.html" % lesson)).read_text(encoding="utf-8")
    _, targets, _ = roundtrip["students"]["cy"]
    assert "points" in html and ("expected" in html or "raised" in html)  # a value compared, or an error said
    for target in targets:
        assert re.search(r"%s: [\d.]+ / \d+ points" % target, html)
    assert "Traceback (most recent call last)" not in html and "vnd.jupyter.stderr" not in html
    untouched = (root / "feedback" / "ben" / lesson / ("%s.html" % lesson)).read_text(encoding="utf-8")
    assert "is not written yet" in untouched and "Hint: " in untouched


def test_a_hostile_notebook_reaches_nothing(roundtrip):
    """Its cells ran (sealed) in autograde: the gradebook, the configuration, the graders
    and a classmate's notebook are untouched."""
    from nbgrader.api import Gradebook

    lesson, root = roundtrip["lesson"], roundtrip["root"]
    for path in (root / "nbgrader_config.py", KIT / "graders" / ("test_%s.py" % lesson),
                 root / "submitted" / "ada" / lesson / ("%s.ipynb" % lesson)):
        assert "changed by a learner" not in path.read_text(encoding="utf-8"), path
    with Gradebook("sqlite:///%s" % (root / "gradebook.db")) as gb:
        for student in STUDENTS:
            for row in gb.find_submission_notebook(lesson, lesson, student).grades:
                assert not row.extra_credit, (student, row.name)


def test_a_cell_that_kills_its_process_does_not_stop_the_grading(roundtrip):
    """The learner's cells run for their outputs in the kit's sandbox, not in a kernel:
    the cell that ends its process shows so, and the grading goes on."""
    lesson = roundtrip["lesson"]
    graded = nbformat.read(roundtrip["root"] / "autograded" / "fay" / lesson / ("%s.ipynb" % lesson), as_version=4)
    killer = [c for c in graded.cells if c.cell_type == "code" and "os._exit(3)" in c.source]
    assert killer and [o.ename for o in killer[0].outputs if o.output_type == "error"] == ["crashed"]
    outputs = [c.outputs for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert outputs and all(o and o[-1].output_type == "execute_result" for o in outputs)


def test_regrade_restores_the_kit_scores_in_the_gradebook(roundtrip, tmp_path):
    """A gradebook changed behind the kit's back (say, by code a kernel left running) is
    put right by `grade course regrade`."""
    from nbgrader.api import Gradebook

    lesson, root = roundtrip["lesson"], roundtrip["root"]
    copy = tmp_path / "course"
    shutil.copytree(root, copy)
    with Gradebook("sqlite:///%s" % (copy / "gradebook.db")) as gb:
        for row in gb.find_submission_notebook(lesson, lesson, "eve").grades:
            row.auto_score = row.max_score
        gb.db.commit()
    scores = regrade.regrade(copy, lesson, students={"eve", "ben"}, log=lambda *a: None)
    after = gradebook_scores(copy, lesson, ["eve", "ben"])
    for student in ("eve", "ben"):
        assert {e: s for e, (s, _) in scores[student].items()} == {e: a for e, (a, _, _) in after[student].items()}
        assert {e: a for e, (a, _, _) in after[student].items()} == {
            e: a for e, (a, _, _) in roundtrip["scores"][student].items()}


def test_the_hidden_tests_raise_no_checksum_warning(roundtrip):
    """A released test cell lacks its hidden tests: nbgrader used to warn that its checksum
    changed, for every test cell of every notebook (tests/test_term.py shows that a test
    cell a student edited is still reported)."""
    assert "has changed!" not in roundtrip["log"]
