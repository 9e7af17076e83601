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
import re
import stat
import tempfile
import zlib
from fractions import Fraction
from pathlib import Path

import nbformat
from nbformat.v4 import new_output

from . import course
from .notebooks import exercise_of_test_cell, test_cell_id

LABEL = "your notebook"
_MAGIC = re.compile(r"^(\s*)([%!].*)$")


# ----------------------------------------------------------------------------- steps


def _is_grade_cell(cell) -> bool:
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("grade"))


def _broken_cell(index, cell, error) -> str:
    """What a cell that does not compile stands for: nothing, as in a kernel, except that
    the exercise of a solution cell says why it is missing when it is called."""
    where = "cell %d" % (index + 1)
    text = "%s does not compile: %s (line %s of the cell)" % (where, error.msg, error.lineno)
    exercise = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
    lines = ["# %s" % text]
    if cell.get("metadata", {}).get("nbgrader", {}).get("solution") and exercise.isidentifier():
        lines += ["def %s(*args, **kwargs):" % exercise,
                  "    raise SyntaxError(%r)" % ("the cell of %s does not compile: %s (line %s of the cell)"
                                                  % (exercise, error.msg, error.lineno))]
    return "\n".join(lines)


def _cell_code(cell) -> str:
    """A code cell's source with IPython's ``%magic`` and ``!shell`` lines as comments."""
    lines = []
    for line in cell.source.splitlines():
        m = _MAGIC.match(line)
        lines.append("%spass  # %s" % (m.group(1), m.group(2)) if m else line)
    return "\n".join(lines)


def notebook_code(nb) -> str:
    """The code a notebook defines: its code cells but the graded test cells, in order.

    IPython's ``%magic`` and ``!shell`` lines are not Python: they become comments. A cell
    that does not compile defines nothing (as in a kernel) instead of breaking the others.
    """
    chunks = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or _is_grade_cell(cell):
            continue
        text = _cell_code(cell)
        try:
            compile(text, "cell", "exec", dont_inherit=True)
        except SyntaxError as error:
            text = _broken_cell(index, cell, error)
        except (ValueError, OverflowError, RecursionError, MemoryError):  # NUL bytes, absurd nesting
            text = "# cell %d cannot be compiled" % (index + 1)
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        named = " (%s)" % grade_id if grade_id.isidentifier() else ""
        chunks.append("# cell %d%s\n%s\n" % (index + 1, named, text))
    return "\n".join(chunks)


_CELL_MARK = re.compile(r"^# cell (\d+)(?: \((\w+)\))?$")


def cell_line(code: str, lineno: int) -> str:
    """Where line ``lineno`` of :func:`notebook_code`'s text is in the notebook."""
    lines = code.splitlines()
    for i in range(min(lineno, len(lines)) - 1, -1, -1):
        m = _CELL_MARK.match(lines[i])
        if m:
            cell = "the cell of %s" % m.group(2) if m.group(2) else "cell %s" % m.group(1)
            return "line %d of %s" % (lineno - i - 1, cell)
    return "line %d" % lineno


def locate(code: str, text: str) -> str:
    """A message of the engine with its line numbers in the notebook's cells."""
    if "does not compile" in text:  # the message says where already
        return re.sub(r" \(line \d+ of %s\)" % LABEL, "", text)
    text = re.sub(r"line (\d+) of %s" % LABEL, lambda m: cell_line(code, int(m.group(1))), text)
    return re.sub(r"(importing %s raised \w+) on line (\d+)" % LABEL,
                  lambda m: "%s on %s" % (m.group(1), cell_line(code, int(m.group(2)))), text)


def seed_for(student: str, lesson: str) -> int:
    """The seed of a learner's randomized cases: fixed per learner and lesson, so that
    a regrade gives the same cases and ``grade lessonN --seed`` replays them."""
    return zlib.crc32(("%s/%s" % (student, lesson)).encode()) & 0x7FFFFFFF


def grade_code(lesson: str, code: str, *, seed: int):
    """Grade ``code`` for ``lesson`` with the kit's engine (the learner's code runs in
    the sandbox); returns the :class:`~autograder.grading.results.LessonResult`."""
    from .grading.engine import grade

    with tempfile.TemporaryDirectory(prefix="grokking-nb-") as tmp:
        path = Path(tmp) / ("%s.py" % lesson)
        path.write_text(code, encoding="utf-8")
        result = grade(lesson, path, seed=seed, label=LABEL)
    result.problem = locate(code, result.problem)
    for record in result.checks:
        record.message = locate(code, record.message)
    return result


def exercise_scores(result) -> dict:
    """``{exercise: (score, max_score)}`` as floats, the unit of nbgrader's gradebook."""
    return {name: (float(s), float(m)) for name, (s, m) in result.exercises().items()}


def _points(x) -> str:
    x = Fraction(x)
    return str(int(x)) if x.denominator == 1 else ("%.2f" % float(x)).rstrip("0").rstrip(".")


def exercise_report(result, exercise: str) -> str:
    """The learner's report of one exercise, as its test cell shows it."""
    lesson = course.lesson(result.lesson)
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
        out += ["", "Randomized cases were drawn with seed %d. To replay them: `grade course code %s.ipynb "
                "> mine.py`, then `grade %s --submission mine.py --seed %d`." % (
                    result.seed, result.lesson, result.lesson, result.seed)]
    return "\n".join(out) + "\n"


def cell_score(result, exercise: str, cell_points=None) -> float:
    """The exercise's score for a test cell worth ``cell_points`` in the course: the kit's
    score, scaled when the course was built with other points than the kit has now."""
    score = sum((c.score for c in result.checks if c.exercise == exercise), Fraction(0))
    points = course.lesson(result.lesson).exercise(exercise).points
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
    names = {e.name for e in course.lesson(result.lesson).exercises}
    done = []
    for cell in nb.cells:
        if cell.cell_type != "code" or not _is_grade_cell(cell):
            continue
        exercise = exercise_of_test_cell(cell.metadata.nbgrader.get("grade_id", ""))
        if exercise in names:
            cell.outputs = test_cell_outputs(result, exercise, cell.metadata.nbgrader.get("points"))
            cell.execution_count = None
            done.append(exercise)
    return done


def lesson_of(assignment: str, notebook: str):
    """The kit's lesson an nbgrader notebook belongs to, or ``None`` (another assignment)."""
    known = course.lessons()
    if notebook in known:
        return notebook
    if assignment in known:
        return assignment
    return None


# ------------------------------------------------------------- nbgrader preprocessors

# nbgrader is imported here only: the rest of the kit never needs it.
from nbgrader.preprocessors import Execute, NbGraderPreprocessor  # noqa: E402
from traitlets import Bool, Integer  # noqa: E402

RESULT_KEY = "grokking_result"


class KitGrade(NbGraderPreprocessor):
    """Grade the submission's code with the kit's engine, before any kernel runs it."""

    seed = Integer(None, allow_none=True,
                   help="Seed of the randomized cases (default: fixed per student and lesson).").tag(config=True)
    allow_unsealed = Bool(False, help="Grade even where this host cannot seal learners' code (namespaces, an "
                                      "unprivileged uid, a private file system); by default autograde refuses."
                          ).tag(config=True)

    def preprocess(self, nb, resources):
        info = resources.get("nbgrader", {})
        lesson = lesson_of(info.get("assignment", ""), info.get("notebook", ""))
        if lesson is None:
            return nb, resources
        require_seal(self.allow_unsealed)
        seed = self.seed if self.seed is not None else seed_for(info.get("student", ""), lesson)
        result = grade_code(lesson, notebook_code(nb), seed=seed)
        resources[RESULT_KEY] = result
        self.log.info("%s: %s / %s points with the kit's checks (seed %d)",
                      lesson, _points(result.score), _points(result.max_score), seed)
        return nb, resources


def require_seal(allow_unsealed=False):
    """The course grades learners' notebooks sealed, or not at all (unless allowed)."""
    from .sandbox import configure

    configure(require=True, allow_unsealed=allow_unsealed)


class KitExecute(Execute):
    """The outputs of the learner's own cells, for the feedback: by default the cells run
    in the kit's sealed sandbox (:mod:`autograder.cells`), never in a Jupyter kernel of the
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

        chosen = [(i, cell) for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and not _is_grade_cell(cell)]
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
            lesson = course.lesson(result.lesson)
            for cell in nb.cells:
                exercise = exercise_of_test_cell(cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""))
                if exercise in {e.name for e in lesson.exercises} and \
                        float(cell.metadata.nbgrader.get("points", 0)) != lesson.exercise(exercise).points:
                    self.log.warning("%s is worth %s points in this course but %d in the kit: its score is "
                                     "scaled; `grade course init` and `nbgrader generate_assignment` bring "
                                     "the course up to date", exercise, cell.metadata.nbgrader.get("points"),
                                     lesson.exercise(exercise).points)
        return nb, resources


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


def configure(c):
    """Configure nbgrader (``c`` is the config of ``nbgrader_config.py``) for the course."""
    c.Autograde.autograde_preprocessors = autograde_preprocessors()
    # A test cell that a learner deleted comes back, so that its exercise is graded.
    c.OverwriteCells.add_missing_cells = True
    return c


# ----------------------------------------------------------------------- regrade


def _submitted_notebooks(root: Path, lesson: str, students=None):
    base = root / "submitted"
    for folder in sorted(base.glob("*/%s" % lesson)) if base.is_dir() else []:
        student = folder.parent.name
        if students and student not in students:
            continue
        path = folder / ("%s.ipynb" % lesson)
        yield student, path


def _writable(path: Path):
    mode = path.stat().st_mode
    if not mode & stat.S_IWUSR:
        os.chmod(path, mode | stat.S_IWUSR)
    return mode


def regrade(root, lesson: str, *, students=None, db_url=None, seed=None, log=print, allow_unsealed=False) -> dict:
    """Grade every submitted notebook of ``lesson`` under the course folder ``root`` with
    the kit's engine and write each exercise's score into nbgrader's gradebook (the
    ``auto_score`` of its test cell) and its report into the autograded notebook.

    Returns ``{student: {exercise: (score, max_score)}}``. The submissions must have been
    through ``nbgrader autograde`` once (it creates their rows in the gradebook).
    """
    from nbgrader.api import Gradebook, MissingEntry

    root = Path(root).resolve()
    course.lesson(lesson)
    submitted = list(_submitted_notebooks(root, lesson, students))
    if not submitted:
        log("no submission of %s under %s" % (lesson, root / "submitted"))
        return {}
    if db_url is None:
        if not (root / "gradebook.db").is_file():
            raise LookupError("%s has no gradebook.db: run `nbgrader autograde %s` in it first" % (root, lesson))
        db_url = "sqlite:///%s" % (root / "gradebook.db")
    scores = {}
    with Gradebook(db_url) as gb:
        for student, path in submitted:
            if not path.is_file():
                log("%s: no %s submitted" % (student, path.name))
                continue
            nb = nbformat.read(path, as_version=4)
            require_seal(allow_unsealed)
            result = grade_code(lesson, notebook_code(nb), seed=seed if seed is not None else seed_for(student, lesson))
            per_exercise = exercise_scores(result)
            for exercise in per_exercise:
                try:
                    grade = gb.find_grade(test_cell_id(exercise), lesson, lesson, student)
                except MissingEntry:
                    raise LookupError("the gradebook has no grade of %s for %s: run `nbgrader autograde %s` "
                                      "first" % (exercise, student, lesson)) from None
                grade.auto_score = cell_score(result, exercise, grade.max_score)
                grade.needs_manual_grade = grade.manual_score is not None
            gb.db.commit()
            graded = root / "autograded" / student / lesson / path.name
            if graded.is_file():
                mode = _writable(graded)
                done_nb = nbformat.read(graded, as_version=4)
                apply_result(done_nb, result)
                nbformat.write(done_nb, graded)
                os.chmod(graded, mode)
            scores[student] = per_exercise
            log("%s: %s / %s" % (student, _points(result.score), _points(result.max_score)))
    return scores
