"""The course's notebooks, built from the reference solutions and the lessons' metadata.

One notebook per lesson, in nbgrader's format, never written by hand. Each step is a
small function of its own:

``solution_parts``
    the solution file split into its module docstring, its set-up code (imports and
    constants) and its exercise functions (header and body, from
    :func:`autograder.instructor.generate.split_functions`).
``solution_cell``
    an exercise's code cell: its signature and docstring, then its body between
    ``### BEGIN SOLUTION`` / ``### END SOLUTION`` (nbgrader replaces the body in the
    released notebook).
``example_checks``
    the docstring's examples (the course's trace), as visible asserts for the learner.
``test_cell``
    an exercise's autograded test cell, worth the exercise's points in the lesson's
    metadata: the visible examples, then the grading directive between
    ``### BEGIN HIDDEN TESTS`` / ``### END HIDDEN TESTS`` (the released notebook has
    neither expected values nor grading code).
``build_notebook``
    the whole notebook of a lesson.

The checks themselves are never copied into a notebook: ``nbgrader autograde`` with the
course's configuration grades the notebook's code in the kit's sandbox with the
lesson's graders (see :mod:`autograder.instructor.regrade`).
"""

from __future__ import annotations

import ast
import doctest
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .. import catalogue, reference

from . import generate

SCHEMA_VERSION = 3
BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
# Words of the hidden block of every test cell the kit builds (see hidden_block): a test
# cell holding them belongs to the kit's course. After nbgrader's OverwriteCells, a
# test cell's source is the course's own (the gradebook's), never the learner's.
KIT_MARK = "is graded by the course's nbgrader configuration only"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def test_cell_id(exercise: str) -> str:
    """The nbgrader grade id of an exercise's test cell."""
    return "test_" + exercise


def exercise_of_test_cell(grade_id: str):
    """The exercise whose test cell has ``grade_id``, or ``None``."""
    return grade_id[len("test_"):] if grade_id.startswith("test_") else None


@dataclass(frozen=True)
class SolutionParts:
    docstring: str
    setup: str  # module-level code that is neither the docstring nor a function
    functions: dict  # name -> autograder.instructor.generate.FunctionSource


def solution_parts(source: str) -> SolutionParts:
    """Split a solution file into its docstring, its set-up code and its functions."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    taken = set()
    docstring = ast.get_docstring(tree) or ""
    body = tree.body
    if docstring and body:
        taken.update(range(body[0].lineno - 1, body[0].end_lineno))
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
            taken.update(range(start, node.end_lineno))
    setup = "".join(line for i, line in enumerate(lines) if i not in taken)
    setup = re.sub(r"\n{3,}", "\n\n", setup).strip("\n")
    functions = {f.name: f for f in generate.split_functions(source)}
    return SolutionParts(docstring=docstring, setup=setup, functions=functions)


def _meta(grade_id, *, grade=False, solution=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": SCHEMA_VERSION,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def solution_cell(function) -> nbformat.NotebookNode:
    """The exercise's code cell: header as written, body between the solution markers."""
    header = function.header if function.header.endswith("\n") else function.header + "\n"
    body = function.body if function.body.endswith("\n") else function.body + "\n"
    source = "%s%s%s\n%s%s%s" % (header, function.indent, BEGIN_SOLUTION, body, function.indent, END_SOLUTION)
    cell = new_code_cell(source, metadata=_meta(function.name, solution=True))
    cell.id = function.name
    return cell


def _decimals(text):
    found = [len(m.group(1)) for m in re.finditer(r"\d\.(\d+)", text)]
    return max(found) if found else None


def _numeric(value) -> bool:
    """Whether ``value`` is a number or a regular (rectangular) array of numbers."""
    import numpy as np

    try:
        np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return False
    return value is not None


def example_check(code: str, want: str) -> list:
    """Lines of code checking one docstring example ``>>> code`` / ``want``; none when
    the example cannot be checked as a value."""
    if not want:
        return [code]  # a set-up line of the example
    try:
        expected = ast.literal_eval(want)
        tree = ast.parse(code, mode="eval")
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return []
    call = tree.body
    if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print":
        return []  # compares printed text, not a value
    message = "%s should give %s (the course's example)" % (code, want)
    lines = ["_got = %s" % ast.unparse(tree)]
    if _numeric(expected):
        import numpy as np

        shape = tuple(np.shape(expected))
        decimals = _decimals(want)
        if decimals is None:
            test = "np.shape(_got) == %r and np.array_equal(_got, %s)" % (shape, want)
        else:
            test = "np.shape(_got) == %r and np.allclose(_got, %s, rtol=0, atol=%r)" % (
                shape, want, 0.5 * 10 ** -decimals)
    elif _decimals(want) is None or isinstance(expected, str):
        test = "_got == %s" % want
    else:
        return []  # numbers mixed with other things: no exact or tolerant comparison fits
    lines.append("assert %s, %r" % (test, message))
    return lines


def example_checks(function) -> list:
    """The docstring's doctest examples as visible asserts (lines of code).

    A number or an array of numbers is compared with the precision the docstring prints
    it with (as doctest's NUMBER option does), anything else with ``==``; examples whose
    output is not a Python literal are left out.
    """
    tree = ast.parse(function.header + function.indent + "pass\n")
    docstring = ast.get_docstring(tree.body[0], clean=True) or ""
    lines = []
    for example in doctest.DocTestParser().get_examples(docstring):
        lines += example_check(example.source.strip(), example.want.strip())
    return lines


def hidden_block(lesson, exercise) -> str:
    """What the test cell says between the hidden-test markers (no expected values)."""
    return (
        "# The checks of %(name)s are those of `grade %(lesson)s` (%(points)s point%(s)s): during\n"
        "# `nbgrader autograde` the course's configuration grades this notebook's code in the\n"
        "# kit's sandbox and writes this cell's output. Run anywhere else, the cell earns nothing.\n"
        "raise AssertionError(%(msg)r)\n"
    ) % {"name": exercise.name, "lesson": lesson.name, "points": exercise.points,
         "s": "" if exercise.points == 1 else "s",
         "msg": "%s %s" % (exercise.name, KIT_MARK)}


def test_cell(lesson, exercise, function) -> nbformat.NotebookNode:
    """The exercise's autograded test cell, worth the exercise's points."""
    visible = example_checks(function)
    if not any(line.startswith("assert ") for line in visible):
        visible = []  # set-up lines of examples that cannot be checked are no use alone
    parts = []
    if visible:
        count = sum(line.startswith("assert ") for line in visible)
        parts.append("# The course's example%s (more checks run when the notebook is graded):\n"
                     % ("" if count == 1 else "s"))
        parts.append("\n".join(visible) + "\n")
    parts.append("%s\n%s%s\n" % (BEGIN_HIDDEN, hidden_block(lesson, exercise), END_HIDDEN))
    cell = new_code_cell("".join(parts).rstrip("\n"),
                         metadata=_meta(test_cell_id(exercise.name), grade=True, locked=True,
                                        points=exercise.points))
    cell.id = test_cell_id(exercise.name)
    return cell


def _markdown(grade_id, text):
    cell = new_markdown_cell(text.strip("\n"), metadata=_meta(grade_id, locked=True))
    cell.id = grade_id
    return cell


def intro_text(lesson, parts) -> str:
    paragraphs = parts.docstring.split("\n\n")
    if paragraphs and paragraphs[0].lower().startswith(lesson.name.replace("lesson", "lesson ")):
        paragraphs = paragraphs[1:]  # the title says it already
    return "# %s — %s\n\n%s\n\nEach exercise is a function to write in its cell; the cell after it " \
           "shows the course's example. When the notebook is graded, each exercise gets the same " \
           "checks and points as `grade %s` (%d points in all)." % (
               lesson.name, lesson.title, "\n\n".join(paragraphs), lesson.name, lesson.max_score)


def setup_code(parts) -> str:
    setup = parts.setup
    if not re.search(r"^import numpy as np\b", setup, re.M):
        setup = "import numpy as np\n" + setup
    return setup.strip("\n")


def exercise_text(lesson, index, exercise) -> str:
    text = "## %d. `%s` — %d point%s" % (index, exercise.signature, exercise.points,
                                        "" if exercise.points == 1 else "s")
    if exercise.uses:
        text += "\n\nIt calls %s: a mistake there costs this exercise too." % ", ".join(
            "`%s`" % u for u in exercise.uses)
    return text


def build_notebook(lesson_name: str, source: str | None = None) -> nbformat.NotebookNode:
    """The source notebook of a lesson (solutions and hidden tests included)."""
    lesson = catalogue.lesson(lesson_name)
    if source is None:
        source = reference.path(lesson.name).read_text(encoding="utf-8")
    parts = solution_parts(source)
    missing = [e.name for e in lesson.exercises if e.name not in parts.functions]
    if missing:
        raise ValueError("the solution of %s does not define %s" % (lesson.name, ", ".join(missing)))
    setup = new_code_cell(setup_code(parts), metadata=_meta("setup", locked=True))
    setup.id = "setup"
    cells = [_markdown("intro", intro_text(lesson, parts)), setup]
    for index, exercise in enumerate(lesson.exercises, 1):
        function = parts.functions[exercise.name]
        cells += [_markdown("about_" + exercise.name, exercise_text(lesson, index, exercise)),
                  solution_cell(function), test_cell(lesson, exercise, function)]
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
    })
    nbformat.validate(nb)
    return nb


def notebook_text(nb) -> str:
    """A notebook as its file holds it (stable: the same notebook gives the same text)."""
    return nbformat.writes(nb) + "\n"


# ------------------------------------------------- a submitted notebook's code

LABEL = "your notebook"
_MAGIC = re.compile(r"^(\s*)([%!].*)$")


def is_grade_cell(cell) -> bool:
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


def cell_code(cell) -> str:
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
        if cell.cell_type != "code" or is_grade_cell(cell):
            continue
        text = cell_code(cell)
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


def grade_code(lesson: str, code: str, *, seed=None):
    """Grade ``code`` for ``lesson`` with the kit's engine (the learner's code runs in
    the sandbox); returns the :class:`~autograder.grading.results.LessonResult`."""
    from ..grading.engine import grade

    with tempfile.TemporaryDirectory(prefix="grokking-nb-") as tmp:
        path = Path(tmp) / ("%s.py" % lesson)
        path.write_text(code, encoding="utf-8")
        result = grade(lesson, path, seed=seed, label=LABEL)
    result.problem = locate(code, result.problem)
    for record in result.checks:
        record.message = locate(code, record.message)
    return result


# ------------------------------------------------------- which lesson a notebook is

class UnmappedNotebook(LookupError):
    """A notebook of the kit's course that maps to no lesson (or to the wrong one)."""


def kit_exercises(nb) -> list:
    """The exercises whose test cells, as the kit builds them, the notebook holds."""
    found = []
    for cell in nb.cells:
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        exercise = exercise_of_test_cell(grade_id)
        if is_grade_cell(cell) and exercise and KIT_MARK in cell.get("source", ""):
            found.append(exercise)
    return found


def lessons_with(exercises) -> list:
    """The lessons that have every one of ``exercises``."""
    wanted = set(exercises)
    return [name for name, lesson in catalogue.lessons().items() if wanted <= {e.name for e in lesson.exercises}]


def check_mapping(mapping) -> dict:
    """``c.KitGrade.lessons`` checked: every value a lesson of the kit."""
    known = catalogue.lessons()
    for key, value in (mapping or {}).items():
        if value not in known:
            raise UnmappedNotebook("c.KitGrade.lessons maps %r to %r, which is not a lesson of the kit (%s). "
                                   "Fix nbgrader_config.py." % (key, value, ", ".join(known)))
    return dict(mapping or {})


def notebook_lesson(assignment: str, notebook: str, mapping=None, nb=None):
    """The kit's lesson of the nbgrader notebook ``notebook`` (its name without
    ``.ipynb``) of ``assignment``, or ``None`` for a notebook that is not the kit's.

    ``mapping`` is ``c.KitGrade.lessons``: its keys are ``"assignment/notebook"``, a
    notebook name or an assignment name, its values lessons. The most precise name wins:
    ``assignment/notebook``, then the notebook (mapped, or named after a lesson), then the
    assignment (mapped, or named after a lesson). When ``nb`` is given and holds the kit's
    test cells, a notebook that maps to no lesson, or to a lesson whose exercises are not
    those cells', raises :class:`UnmappedNotebook` saying what to do: a notebook the kit
    does not grade would score 0 in silence.
    """
    mapping = check_mapping(mapping)
    known = catalogue.lessons()
    lesson = None
    for key, named in (("%s/%s" % (assignment, notebook), False), (notebook, True), (assignment, True)):
        if key in mapping:
            lesson = mapping[key]
        elif named and key in known:
            lesson = key
        if lesson:
            break
    exercises = kit_exercises(nb) if nb is not None else []
    if not exercises:
        return lesson
    where = "%s/%s.ipynb" % (assignment, notebook)
    guesses = lessons_with(exercises)
    guess = guesses[0] if guesses else "lessonN"
    todo = ("Name the assignment or the notebook %s, or map it in nbgrader_config.py: "
            "c.KitGrade.lessons = {%r: %r} (see `grade course --help`), then run `nbgrader autograde %s` "
            "again." % (guess, assignment, guess, assignment))
    if lesson is None:
        raise UnmappedNotebook("%s holds the kit's test cells of %s but maps to no lesson, so the kit cannot "
                               "grade it (every test cell would score 0). %s" % (where, guess, todo))
    if lesson not in guesses:
        raise UnmappedNotebook("%s is graded as %s but holds the kit's test cells of %s (%s). %s" % (
            where, lesson, guess, ", ".join(exercises), todo))
    return lesson
