"""Grading nbgrader submissions with the kit's engine: honest scores for notebooks.

nbgrader grades a test cell by running it in the learner's own kernel and reading its
output: code in the notebook can patch ``np.allclose`` to pass every assert, and any
text on stderr zeroes a cell. The course avoids both. Its ``nbgrader_config.py`` calls
:func:`configure`, which changes ``nbgrader autograde``'s steps:

``KitGrade`` (before the kernel runs)
    takes the notebook's code cells (every code cell but the test cells), as nbgrader's
    process read them from the submission, writes them to a ``.py`` file and grades it
    with :func:`autograder.grading.engine.grade`: the lesson's graders, the learner's
    code in the kit's sandbox, exactly what ``grade lessonN --submission FILE`` does.
``KitExecute``
    nbgrader's own execution of the notebook (for the outputs of the learner's cells),
    which survives a kernel that exits or dies; ``KitExecute.run_kernel = False`` skips it.
``KitScores`` (after the kernel ran, before nbgrader saves the grades)
    replaces each test cell's output with the kit's report of that exercise (call,
    expected, got, trace) and its score as nbgrader's partial credit.

Whatever the kernel did, the score of a test cell is the kit's score of the exercise.
``grade course regrade lessonN`` applies the same grading to submissions already
autograded, and writes the scores straight into nbgrader's gradebook.
"""

from __future__ import annotations

import os
import stat
from fractions import Fraction
from pathlib import Path

import nbformat
from nbformat.v4 import new_output

from .. import catalogue
from ..grading.secret import is_secret, shown
from ..grading.secret import sentence as secret_sentence
from .notebooks import (LABEL, UnmappedNotebook, cell_line, check_mapping, exercise_of_test_cell,  # noqa: F401
                        grade_code, is_grade_cell, locate, notebook_code, notebook_lesson, test_cell_id)
from .notebooks import cell_code as _cell_code


# ----------------------------------------------------------------------------- steps


def seed_for(lesson: str, secret=None):
    """The seed of the randomized cases: the lesson's own, as ``grade lessonN`` draws them,
    or under the course's secret (``c.KitGrade.secret`` or ``$GROKKING_SEED_SECRET``) one
    that learners cannot know; either way the same for every learner (one code, one
    score), and a regrade gives the same cases."""
    from .. import catalogue
    from ..grading.secret import lesson_seed

    return lesson_seed(catalogue.lesson(lesson), secret)


def exercise_scores(result) -> dict:
    """``{exercise: (score, max_score)}`` as floats, the unit of nbgrader's gradebook."""
    return {name: (float(s), float(m)) for name, (s, m) in result.exercises().items()}


def _points(x) -> str:
    x = Fraction(x)
    return str(int(x)) if x.denominator == 1 else ("%.2f" % float(x)).rstrip("0").rstrip(".")


def exercise_report(result, exercise: str) -> str:
    """The learner's report of one exercise, as its test cell shows it."""
    lesson = catalogue.lesson(result.lesson)
    checks = [c for c in result.checks if c.exercise == exercise]
    score = sum((c.score for c in checks), Fraction(0))
    top = sum((c.max_score for c in checks), Fraction(0))
    passed = sum(c.passed for c in checks)
    out = ["%s: %s / %s points, %d of %d checks passed (the checks of `grade %s`)." % (
        exercise, _points(score), _points(top), passed, len(checks), result.lesson)]
    if result.problem:
        out += ["", "! " + result.problem]
    said = {result.problem}
    for c in checks:
        mark = "✓" if c.passed else {"failed": "✗", "timeout": "⏱"}.get(c.status, "!")
        out.append("%s %s · %s" % (mark, c.call or c.name, c.source))
        if c.passed:
            continue
        if c.message and c.message not in said:  # the same sentence once is enough
            out.append("    " + c.message)
            said.add(c.message)
        for note in c.notes:
            out.append("    Note: " + note)
        printed = c.output.strip().splitlines()
        if printed:
            out.append("    Your code printed%s:" % (" (first lines)" if len(printed) > 5 else ""))
            out += ["      " + line[:100] for line in printed[:5]]
    if score < top:
        hints = lesson.exercise(exercise).hints
        if hints:
            out += ["", "Hint: " + hints[0]]
        if is_secret(result.seed):
            out += ["", secret_sentence(result.lesson)]
        else:
            out += ["", "Randomized cases were drawn with seed %d. To replay them: `grade course code %s.ipynb "
                    "> mine.py`, then `grade %s --submission mine.py --seed %d`." % (
                        result.seed, result.lesson, result.lesson, result.seed)]
    return "\n".join(out) + "\n"


def cell_score(result, exercise: str, cell_points=None) -> float:
    """The exercise's score for a test cell worth ``cell_points`` in the course: the kit's
    score, scaled when the course was built with other points than the kit has now."""
    score = sum((c.score for c in result.checks if c.exercise == exercise), Fraction(0))
    points = catalogue.lesson(result.lesson).exercise(exercise).points
    if cell_points is not None and points and Fraction(str(cell_points)) != points:
        score = score * Fraction(str(cell_points)) / points
    return float(score)


def test_cell_outputs(result, exercise: str, cell_points=None) -> list:
    """A test cell's outputs: the report on stdout, then the score as nbgrader's partial
    credit (the text of an ``execute_result``, read by ``nbgrader.utils.determine_grade``)."""
    score = cell_score(result, exercise, cell_points)
    return [
        new_output("stream", name="stdout", text=exercise_report(result, exercise)),
        new_output("execute_result", data={"text/plain": repr(score)}, execution_count=None),
    ]


def apply_result(nb, result) -> list:
    """Write the kit's outputs into the notebook's test cells; returns the exercises done."""
    names = {e.name for e in catalogue.lesson(result.lesson).exercises}
    done = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not is_grade_cell(cell):
            continue
        exercise = exercise_of_test_cell(cell.metadata.nbgrader.get("grade_id", ""))
        if exercise in names:
            cell.outputs = test_cell_outputs(result, exercise, cell.metadata.nbgrader.get("points"))
            cell.execution_count = None
            done.append(exercise)
    return done


def lesson_of(assignment: str, notebook: str, mapping=None, nb=None):
    """The kit's lesson an nbgrader notebook belongs to, or ``None`` (another assignment);
    see :func:`autograder.instructor.notebooks.notebook_lesson`."""
    return notebook_lesson(assignment, notebook, mapping, nb)


# ------------------------------------------------------------- nbgrader preprocessors

# nbgrader is imported here only: the rest of the kit never needs it.
from nbgrader.preprocessors import ClearHiddenTests, Execute, NbGraderPreprocessor, OverwriteCells  # noqa: E402
from traitlets import Bool, Dict, Integer, Unicode  # noqa: E402

RESULT_KEY = "grokking_result"


class KitGrade(NbGraderPreprocessor):
    """Grade the submission's code with the kit's engine, before any kernel runs it."""

    seed = Integer(None, allow_none=True,
                   help="Seed of the randomized cases (default: the lesson's, the same for every student).").tag(config=True)
    secret = Unicode(None, allow_none=True,
                     help="The course's secret: the randomized cases are drawn from it (the same for every "
                          "student, unknown to them) and the feedback says a failing drawn case in words, "
                          "without its values (default: $GROKKING_SEED_SECRET, else none).").tag(config=True)
    allow_unsealed = Bool(False, help="Grade even where this host cannot seal learners' code (namespaces, an "
                                      "unprivileged uid, a private file system); by default autograde refuses."
                          ).tag(config=True)
    lessons = Dict(key_trait=Unicode(), value_trait=Unicode(),
                   help="Which lesson of the kit each assignment or notebook is, for names other than "
                        "lessonN: keys are assignment names, notebook names (without .ipynb) or "
                        "'assignment/notebook'; values are lessons.").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources.get("nbgrader", {})
        assignment, notebook = info.get("assignment", ""), info.get("notebook", "")
        try:
            lesson = lesson_of(assignment, notebook, self.lessons, nb)
        except UnmappedNotebook as exc:
            self.log.error("%s", exc)  # nbgrader then fails this submission, and says so at the end
            raise
        if lesson is None:
            return nb, resources
        require_seal(self.allow_unsealed)
        seed = self.seed if self.seed is not None else seed_for(lesson, self.secret)
        result = grade_code(lesson, notebook_code(nb), seed=seed)
        resources[RESULT_KEY] = result
        self.log.info("%s: %s / %s points with the kit's checks (seed %s)",
                      lesson, _points(result.score), _points(result.max_score), shown(seed))
        return nb, resources


def require_seal(allow_unsealed=False):
    """The course grades learners' notebooks sealed, or not at all (unless allowed)."""
    from ..sandbox import configure

    configure(require=True, allow_unsealed=allow_unsealed)


class KitExecute(Execute):
    """The outputs of the learner's own cells, for the feedback: by default the cells run
    in the kit's sealed sandbox (:mod:`autograder.instructor.cells`), never in a Jupyter kernel of the
    grader's user. Grades never depend on it: they come from ``KitGrade``."""

    run_kernel = Bool(True, help="Run the learner's cells for their outputs (in the kit's sealed sandbox; "
                                 "grades never depend on it).").tag(config=True)
    jupyter_kernel = Bool(False, help="Run them in nbgrader's Jupyter kernel instead, as the grader's own user "
                                      "and unsealed (rich outputs, but a cell can reach the gradebook): only "
                                      "for notebooks you trust.").tag(config=True)
    cell_timeout = Integer(30, help="Seconds each cell may run in the sandbox.").tag(config=True)

    def preprocess(self, nb, resources, km=None):
        if not self.run_kernel:
            return nb, resources
        if not self.jupyter_kernel:
            return self._run_sealed(nb), resources
        try:
            return super().preprocess(nb, resources, km=km)
        except Exception as exc:  # noqa: BLE001  (DeadKernelError, timeouts, ...)
            self.log.warning("the kernel stopped while running the notebook (%s: %s); the kit's "
                             "grades do not depend on it", type(exc).__name__, exc)
            return nb, resources

    def _run_sealed(self, nb):
        from .cells import run_cells

        chosen = [(i, cell) for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and not is_grade_cell(cell)]
        sources = [_cell_code(cell) for _, cell in chosen]
        for count, ((_, cell), ran) in enumerate(zip(chosen, run_cells(sources, timeout=self.cell_timeout)), 1):
            outputs = []
            if ran["stdout"]:
                outputs.append(new_output("stream", name="stdout", text=ran["stdout"]))
            if ran["stderr"]:
                outputs.append(new_output("stream", name="stderr", text=ran["stderr"]))
            if ran["value"] is not None:
                outputs.append(new_output("execute_result", data={"text/plain": ran["value"]}, execution_count=count))
            if ran["error"]:
                name, message, trace = ran["error"]
                outputs.append(new_output("error", ename=name, evalue=message,
                                          traceback=trace.splitlines() if trace else [message]))
            cell.outputs = outputs
            cell.execution_count = count
        return nb


class KitScores(NbGraderPreprocessor):
    """Replace each test cell's output with the kit's report and score of its exercise."""

    def preprocess(self, nb, resources):
        result = resources.get(RESULT_KEY)
        if result is not None:
            apply_result(nb, result)
            lesson = catalogue.lesson(result.lesson)
            for cell in nb.cells:
                exercise = exercise_of_test_cell(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""))
                if exercise in {e.name for e in lesson.exercises} and \
                        float(cell.metadata.nbgrader.get("points", 0)) != lesson.exercise(exercise).points:
                    self.log.warning("%s is worth %s points in this course but %d in the kit: its score is "
                                     "scaled; `grade course init` and `nbgrader generate_assignment` bring "
                                     "the course up to date", exercise, cell.metadata.nbgrader.get("points"),
                                     lesson.exercise(exercise).points)
        return nb, resources


class KitOverwriteCells(OverwriteCells):
    """nbgrader's ``OverwriteCells`` without the false alarm of hidden tests.

    A released test cell has lost its hidden tests, so its checksum never equals its
    source's: nbgrader warned ``Attribute 'checksum' for cell test_… has changed!`` for
    every test cell of every notebook, burying the warnings that matter. When a locked
    cell's submitted source is exactly its source with the hidden tests taken out (what
    ``generate_assignment`` released), the hidden tests are put back without a warning;
    any other change (an edited test, points, type or lock) is reported as before.
    """

    _as_released = False

    def _released_form(self, cell) -> bool:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        try:
            source_cell = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
        except Exception:  # noqa: BLE001  (MissingEntry: nbgrader's own step reports it)
            return False
        released = nbformat.from_dict({"cell_type": source_cell.cell_type, "source": source_cell.source,
                                       "metadata": {}})
        try:
            removed = ClearHiddenTests(parent=self)._remove_hidden_test_region(released)
        except RuntimeError:  # unbalanced markers: not what generate_assignment released
            return False
        return removed and released.source == cell.source

    def preprocess_cell(self, cell, resources, cell_index):
        self._as_released = bool(cell.metadata.get("nbgrader", {}).get("grade_id")) and self._released_form(cell)
        return super().preprocess_cell(cell, resources, cell_index)

    def report_change(self, name, attr, old, new):
        if attr == "checksum" and self._as_released:
            self.log.debug("the hidden tests of %s are back in place", name)
            return
        super().report_change(name, attr, old, new)


def autograde_preprocessors() -> list:
    """nbgrader's autograde steps, with the kit's grading in them."""
    from nbgrader.converters import Autograde

    steps = []
    for step in Autograde.class_traits()["autograde_preprocessors"].default():
        if step is Execute:
            steps += [KitGrade, KitExecute]
        elif step.__name__ == "SaveAutoGrades":
            steps += [KitScores, step]
        else:
            steps.append(step)
    if KitGrade not in steps or KitScores not in steps:
        raise RuntimeError("nbgrader's autograde steps are not the expected ones: %r" % steps)
    return steps


def sanitize_preprocessors() -> list:
    """nbgrader's steps that restore the course's cells in a submission, with the
    checksums of the kit's hidden tests understood."""
    from nbgrader.converters import Autograde

    steps = [KitOverwriteCells if step is OverwriteCells else step
             for step in Autograde.class_traits()["sanitize_preprocessors"].default()]
    if KitOverwriteCells not in steps:
        raise RuntimeError("nbgrader's sanitize steps are not the expected ones: %r" % steps)
    return steps


def configure(c):
    """Configure nbgrader (``c`` is the config of ``nbgrader_config.py``) for the course."""
    c.Autograde.autograde_preprocessors = autograde_preprocessors()
    c.Autograde.sanitize_preprocessors = sanitize_preprocessors()
    # A test cell that a learner deleted comes back, so that its exercise is graded.
    c.OverwriteCells.add_missing_cells = True
    return c


# ----------------------------------------------------------------------- regrade


def course_settings(root: Path) -> dict:
    """The kit's settings in the course's ``nbgrader_config.py``: ``{"lessons": ..., "seed": ...,
    "secret": ...}`` (``c.KitGrade.lessons``, ``.seed`` and ``.secret``; defaults when the file
    has none)."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    if (root / "nbgrader_config.py").is_file():
        config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    settings = KitGrade(config=config)
    return {"lessons": check_mapping(settings.lessons), "seed": settings.seed, "secret": settings.secret}


def _submitted_notebooks(root: Path, assignment: str, students=None):
    """``(student, notebook path)`` of every notebook submitted for ``assignment``."""
    base = root / "submitted"
    for folder in sorted(base.glob("*/%s" % assignment)) if base.is_dir() else []:
        student = folder.parent.name
        if students and student not in students:
            continue
        for path in sorted(folder.glob("*.ipynb")):
            yield student, path


def _writable(path: Path):
    mode = path.stat().st_mode
    if not mode & stat.S_IWUSR:
        os.chmod(path, mode | stat.S_IWUSR)
    return mode


def _grade_score(grade) -> float:
    """A gradebook row's score as nbgrader counts it: the manual grade if any, else the
    automatic one, plus extra credit."""
    score = grade.manual_score if grade.manual_score is not None else (grade.auto_score or 0.0)
    return score + (grade.extra_credit or 0.0)


def gradebook_note(grades, kit: dict, kit_max) -> str:
    """Why a notebook's total in the gradebook is not the kit's score ("" when it is).

    ``grades`` are the notebook's rows in the gradebook; ``kit`` maps the grade ids of the
    kit's test cells to the kit's score of each, in the course's points."""
    total = sum(_grade_score(g) for g in grades)
    if abs(total - sum(kit.values())) < 1e-9 and abs(sum(g.max_score for g in grades) - float(kit_max)) < 1e-9:
        return ""
    reasons = []
    for g in grades:
        if g.name not in kit:
            reasons.append("%s, a cell the kit does not grade, counts %s" % (g.name, _points(_grade_score(g))))
            continue
        if g.manual_score is not None and abs(g.manual_score - kit[g.name]) > 1e-9:
            reasons.append("the manual grade of %s is kept (%s; the kit's checks give %s)" % (
                exercise_of_test_cell(g.name), _points(g.manual_score), _points(kit[g.name])))
        if g.extra_credit:
            reasons.append("%s has %s extra credit" % (exercise_of_test_cell(g.name), _points(g.extra_credit)))
    top = sum(g.max_score for g in grades)
    if abs(top - float(kit_max)) > 1e-9:
        reasons.append("the course gives these exercises %s points, the kit %s: scores are scaled "
                       "(`grade course init` and `nbgrader generate_assignment` bring the course up to date)"
                       % (_points(top), _points(kit_max)))
    return "the gradebook total is %s / %s: %s" % (_points(total), _points(top), "; ".join(reasons) or "")


def regrade(root, assignment: str, *, students=None, db_url=None, seed=None, log=print,
            allow_unsealed=False) -> dict:
    """Grade every submitted notebook of ``assignment`` under the course folder ``root``
    with the kit's engine and write each exercise's score into nbgrader's gradebook (the
    ``auto_score`` of its test cell) and its report into the autograded notebook.

    The lesson of each notebook and the seed come from the course's ``nbgrader_config.py``
    (``c.KitGrade.lessons``, ``c.KitGrade.seed``, ``c.KitGrade.secret``) as in ``nbgrader
    autograde``; ``seed`` overrides the latter two. Manual grades and extra credit given in the formgrader are
    kept: when they make the gradebook's total differ from the kit's score, the line
    logged for the student says so and why.

    Returns ``{student: {exercise: (score, max_score)}}``. The submissions must have been
    through ``nbgrader autograde`` once (it creates their rows in the gradebook).
    Raises ``LookupError`` (with what to do) when the gradebook or the mapping is not right.
    """
    from nbgrader.api import Gradebook, MissingEntry

    root = Path(root).resolve()
    settings = course_settings(root)
    if seed is None:
        seed = settings["seed"]
    submitted = list(_submitted_notebooks(root, assignment, students))
    if not submitted:
        found = sorted({p.name for p in (root / "submitted").glob("*/*") if p.is_dir()})
        log("no submission of %s under %s (assignments there: %s)" % (
            assignment, root / "submitted", ", ".join(found) or "none"))
        return {}
    if db_url is None:
        if not (root / "gradebook.db").is_file():
            raise LookupError("%s has no gradebook.db: run `nbgrader autograde %s` in it first" % (root, assignment))
        db_url = "sqlite:///%s" % (root / "gradebook.db")
    scores = {}
    with Gradebook(db_url) as gb:
        for student, path in submitted:
            nb = nbformat.read(path, as_version=4)
            notebook = path.stem
            try:
                lesson = lesson_of(assignment, notebook, settings["lessons"], _course_cells(gb, assignment, notebook))
            except UnmappedNotebook as exc:
                raise LookupError(str(exc)) from None
            if lesson is None:
                log("%s: %s is not a notebook of the kit: left as it is" % (student, path.name))
                continue
            require_seal(allow_unsealed)
            result = grade_code(lesson, notebook_code(nb),
                                seed=seed if seed is not None else seed_for(lesson, settings["secret"]))
            per_exercise = exercise_scores(result)
            kit = {}
            for exercise in per_exercise:
                try:
                    grade = gb.find_grade(test_cell_id(exercise), notebook, assignment, student)
                except MissingEntry:
                    raise LookupError("the gradebook has no grade of %s for %s: run `nbgrader autograde %s` "
                                      "first" % (exercise, student, assignment)) from None
                grade.auto_score = kit[grade.name] = cell_score(result, exercise, grade.max_score)
                grade.needs_manual_grade = grade.manual_score is not None
            gb.db.commit()
            graded = root / "autograded" / student / assignment / path.name
            if graded.is_file():
                mode = _writable(graded)
                done_nb = nbformat.read(graded, as_version=4)
                apply_result(done_nb, result)
                nbformat.write(done_nb, graded)
                os.chmod(graded, mode)
            scores.setdefault(student, {}).update(per_exercise)
            note = gradebook_note(gb.find_submission_notebook(notebook, assignment, student).grades, kit,
                                  result.max_score)
            log("%s: %s / %s%s" % (student, _points(result.score), _points(result.max_score),
                                   " with the kit's checks; " + note if note else ""))
    return scores


def _course_cells(gb, assignment: str, notebook: str):
    """The course's own notebook as the gradebook keeps it (its graded cells' sources), to
    tell the kit's notebooks from others; ``None`` when the gradebook does not have it."""
    from nbgrader.api import MissingEntry
    from nbformat.v4 import new_code_cell, new_notebook

    try:
        source = gb.find_notebook(notebook, assignment)
    except MissingEntry:
        return None
    graded = {g.name for g in source.grade_cells}
    cells = []
    for cell in source.source_cells:
        code = new_code_cell(cell.source)
        code.metadata["nbgrader"] = {"grade": cell.name in graded, "grade_id": cell.name}
        cells.append(code)
    return new_notebook(cells=cells)
