"""The course's notebooks, step by step: built from the solutions and the metadata, their
test cells worth the CLI's points, their visible examples right, their hidden part free
of expected values, and the kit's outputs read by nbgrader as the kit's scores."""

import copy
import re
import sys
import warnings

import nbformat
import pytest
from click.testing import CliRunner
from nbgrader.utils import determine_grade

from autograder import catalogue

from autograder.instructor import nbgrader_course, notebooks, regrade
from autograder.cli import main
from conftest import grade_text, solution_text, with_override

LESSONS = list(catalogue.lessons())


def _hidden(cell):
    return cell.source.split(notebooks.BEGIN_HIDDEN, 1)[1]


def _visible(cell):
    return cell.source.split(notebooks.BEGIN_HIDDEN, 1)[0]


def _cells(nb, kind):
    if kind == "solution":
        return [c for c in nb.cells if c.metadata.nbgrader.get("solution")]
    return [c for c in nb.cells if c.metadata.nbgrader.get("grade")]


def _as_released(nb):
    """The notebook with every solution replaced as nbgrader's ClearSolutions does."""
    nb = copy.deepcopy(nb)
    pattern = re.compile(r"^([ \t]*)### BEGIN SOLUTION\n.*?^[ \t]*### END SOLUTION$", re.S | re.M)
    for cell in _cells(nb, "solution"):
        cell.source = pattern.sub(lambda m: m.group(1) + "raise NotImplementedError()", cell.source)
    return nb


# ------------------------------------------------------------------ building


@pytest.mark.parametrize("lesson", LESSONS)
def test_build_is_deterministic_and_valid(lesson):
    first = notebooks.notebook_text(notebooks.build_notebook(lesson))
    assert first == notebooks.notebook_text(notebooks.build_notebook(lesson))
    nbformat.validate(nbformat.reads(first, as_version=4))


@pytest.mark.parametrize("lesson", LESSONS)
def test_one_solution_cell_and_one_test_cell_per_exercise_with_the_cli_points(lesson):
    meta = catalogue.lesson(lesson)
    nb = notebooks.build_notebook(lesson)
    solutions, tests = _cells(nb, "solution"), _cells(nb, "grade")
    assert [c.metadata.nbgrader.grade_id for c in solutions] == [e.name for e in meta.exercises]
    assert [c.metadata.nbgrader.grade_id for c in tests] == ["test_" + e.name for e in meta.exercises]
    assert [c.metadata.nbgrader.points for c in tests] == [e.points for e in meta.exercises]
    assert sum(c.metadata.nbgrader.points for c in tests) == meta.max_score
    for cell in tests:
        assert cell.metadata.nbgrader.locked and not cell.metadata.nbgrader.solution
        assert cell.source.count(notebooks.BEGIN_HIDDEN) == 1 and cell.source.endswith(notebooks.END_HIDDEN)


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_cells_hold_the_solution_body_between_the_markers(lesson):
    parts = notebooks.solution_parts(solution_text(lesson))
    for cell in _cells(notebooks.build_notebook(lesson), "solution"):
        function = parts.functions[cell.metadata.nbgrader.grade_id]
        assert cell.source.startswith(function.header)
        inside = cell.source.split(notebooks.BEGIN_SOLUTION + "\n", 1)[1].rsplit(function.indent + notebooks.END_SOLUTION, 1)[0]
        assert inside == function.body


@pytest.mark.parametrize("lesson", LESSONS)
def test_hidden_part_carries_no_expected_value_and_no_solution(lesson):
    parts = notebooks.solution_parts(solution_text(lesson))
    for cell in _cells(notebooks.build_notebook(lesson), "grade"):
        hidden = _hidden(cell)
        assert not re.search(r"\d\.\d", hidden), hidden  # no numbers to copy
        for function in parts.functions.values():
            assert function.body.strip() not in hidden


@pytest.mark.parametrize("lesson", LESSONS)
def test_source_notebook_code_gets_the_cli_full_marks(tmp_path, lesson):
    code = regrade.notebook_code(notebooks.build_notebook(lesson))
    result = grade_text(tmp_path, lesson, code)
    assert result.full_marks, [(c.name, c.message) for c in result.checks if not c.passed]


def _run_cells(nb, monkeypatch, tmp_path):
    """Run the notebook's code cells without their hidden part; ``{cell id: exception}``."""
    monkeypatch.chdir(tmp_path)
    namespace, failures = {"__name__": "__main__"}, {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            try:
                exec(compile(_visible(cell), cell.id, "exec"), namespace)
            except Exception as exc:  # noqa: BLE001
                failures[cell.id] = exc
    return failures


@pytest.mark.parametrize("lesson", LESSONS)
def test_visible_examples_pass_with_the_solutions_and_fail_with_the_stubs(lesson, monkeypatch, tmp_path):
    nb = notebooks.build_notebook(lesson)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert _run_cells(nb, monkeypatch, tmp_path) == {}
        failures = _run_cells(_as_released(nb), monkeypatch, tmp_path)
    checked = [c.id for c in _cells(nb, "grade") if "assert " in _visible(c)]
    assert sorted(failures) == sorted(checked)
    assert all(isinstance(e, NotImplementedError) for e in failures.values())


# ------------------------------------------------------------------ examples


@pytest.mark.parametrize("code, want, value, passes", [
    ("f()", "0.98", 0.98 + 1e-12, True),
    ("f()", "0.98", 0.97, False),
    ("f()", "[0.195, 0.13, 0.585]", [0.195, 0.13, 0.585], True),
    ("f()", "[0.195, 0.13, 0.585]", 0.195, False),  # a number is not a vector
    ("f()", "(1, 3)", (1, 3), True),
    ("f()", "(1, 3)", [1, 3], True),  # lists, tuples or arrays
    ("f()", "(1, 3)", (3, 1), False),
    ("f() is None", "True", None, True),
    ("f()", "['king', 'queen']", ["king", "queen"], True),
    ("f()  # a comment", "2", 2, True),
])
def test_example_check_compares_values(code, want, value, passes):
    import numpy as np

    lines = notebooks.example_check(code, want)
    namespace = {"np": np, "f": lambda: value}
    if passes:
        exec("\n".join(lines), namespace)
    else:
        with pytest.raises(AssertionError, match="the course's example"):
            exec("\n".join(lines), namespace)


def test_example_check_leaves_out_what_it_cannot_compare():
    assert notebooks.example_check("print(f())", "0.5") == []
    assert notebooks.example_check("f()", "array([1.5, 2.0])") == []
    assert notebooks.example_check("f()", "(array, 0.5)") == []
    assert notebooks.example_check("x = f()", "") == ["x = f()"]


# ------------------------------------------------------------------ grading steps


def test_notebook_code_takes_code_cells_but_test_cells_and_comments_out_magics():
    nb = notebooks.build_notebook(LESSONS[0])
    nb.cells.insert(2, nbformat.v4.new_code_cell("%matplotlib inline\nif True:\n    !ls\nx = 1"))
    code = regrade.notebook_code(nb)
    compile(code, "notebook", "exec")
    assert "pass  # %matplotlib inline" in code and "    pass  # !ls" in code
    assert notebooks.BEGIN_HIDDEN not in code and "assert " not in code.replace("assert len", "")


def test_a_cell_that_does_not_compile_costs_its_exercise_only(tmp_path):
    lesson = "lesson3" if "lesson3" in LESSONS else LESSONS[0]
    meta = catalogue.lesson(lesson)
    nb = notebooks.build_notebook(lesson)
    broken = meta.exercises[-1].name
    cell = next(c for c in nb.cells if c.metadata.nbgrader.get("grade_id") == broken)
    cell.source = cell.source.replace("def %s(" % broken, "def %s((" % broken, 1)
    code = regrade.notebook_code(nb)
    result = grade_text(tmp_path, lesson, code)
    scores = regrade.exercise_scores(result)
    assert scores[broken][0] == 0
    lost = {broken} | meta.dependents(broken)
    assert all(s == m for name, (s, m) in scores.items() if name not in lost)
    result = regrade.grade_code(lesson, code, seed=1)  # messages placed in the notebook's cells
    message = next(c.message for c in result.checks if c.exercise == broken and not c.passed)
    assert "the cell of %s does not compile" % broken in message and "your notebook)" not in message


def test_messages_give_lines_of_the_notebook_cells(tmp_path):
    lesson = "lesson3" if "lesson3" in LESSONS else LESSONS[0]
    first = catalogue.lesson(lesson).exercises[0].name
    nb = notebooks.build_notebook(lesson)
    nb.cells.append(nbformat.v4.new_code_cell("x = 1\n\ndef %s(*args):\n    return 1 / 0\n" % first))
    result = regrade.grade_code(lesson, regrade.notebook_code(nb), seed=1)
    message = next(c.message for c in result.checks if c.exercise == first and not c.passed)
    assert "ZeroDivisionError" in message and "(line 4 of cell %d)" % len(nb.cells) in message
    assert regrade.cell_line("# cell 3 (w_sum)\ndef w_sum(a, b):\n    pass\n", 3) == "line 2 of the cell of w_sum"


def test_seed_is_the_lessons_own_for_every_student():
    """The course draws the cases `grade lessonN` draws: one code, one score, whoever hands it in."""
    for lesson in LESSONS:
        assert regrade.seed_for(lesson) == catalogue.lesson(lesson).seed
    assert len({catalogue.lesson(name).seed for name in LESSONS}) == len(LESSONS)


@pytest.fixture(scope="module")
def wrong_result(tmp_path_factory):
    """lesson3 with a wrong w_sum (the first exercise of the example lesson)."""
    lesson = "lesson3" if "lesson3" in LESSONS else LESSONS[0]
    first = catalogue.lesson(lesson).exercises[0].name
    text = with_override(lesson, "def %s(*args):\n    return None\n" % first)
    return grade_text(tmp_path_factory.mktemp("wrong"), lesson, text, seed=7)


def test_test_cell_outputs_are_read_by_nbgrader_as_the_kit_scores(wrong_result):
    nb = notebooks.build_notebook(wrong_result.lesson)
    for cell in _cells(nb, "grade"):  # what a kernel may leave: stderr noise and errors
        cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="warning\n"),
                        nbformat.v4.new_output("error", ename="AssertionError", evalue="", traceback=[])]
    done = regrade.apply_result(nb, wrong_result)
    assert done == [e.name for e in catalogue.lesson(wrong_result.lesson).exercises]
    scores = regrade.exercise_scores(wrong_result)
    assert any(s < m for s, m in scores.values()) and any(s == m for s, m in scores.values())
    for cell in _cells(nb, "grade"):
        exercise = notebooks.exercise_of_test_cell(cell.metadata.nbgrader.grade_id)
        assert determine_grade(cell) == (scores[exercise][0], float(cell.metadata.nbgrader.points))


def test_a_course_built_with_other_points_gets_the_same_share(wrong_result):
    """Points changed in the kit after the course was released: the share is kept and
    nbgrader never sees more than the cell's points."""
    scores = regrade.exercise_scores(wrong_result)
    for exercise, (score, top) in scores.items():
        assert regrade.cell_score(wrong_result, exercise) == score
        assert regrade.cell_score(wrong_result, exercise, top * 2) == pytest.approx(score * 2)
        assert regrade.cell_score(wrong_result, exercise, 1) == pytest.approx(score / top)


def test_report_of_an_exercise_speaks_to_the_learner(wrong_result):
    first = catalogue.lesson(wrong_result.lesson).exercises[0]
    text = regrade.exercise_report(wrong_result, first.name)
    assert text.startswith("%s: 0 / %d points" % (first.name, first.points))
    assert "expected" in text and "trace " in text and "returned None" in text
    assert "Hint: " + first.hints[0] in text and "--seed 7" in text
    assert "Traceback" not in text and "grader itself" not in text


def test_autograde_steps_grade_before_the_kernel_and_score_before_saving():
    from nbgrader.preprocessors import SaveAutoGrades

    steps = regrade.autograde_preprocessors()
    assert steps.index(regrade.KitGrade) < steps.index(regrade.KitExecute) < steps.index(regrade.KitScores)
    assert steps.index(regrade.KitScores) == steps.index(SaveAutoGrades) - 1
    assert not any(s.__name__ == "Execute" for s in steps)


# ------------------------------------------------------------------ course folder


def test_init_writes_config_and_a_notebook_per_lesson_and_detects_drift(tmp_path):
    root = tmp_path / "course"
    written = nbgrader_course.init_course(root)
    assert root / "nbgrader_config.py" in written
    for lesson in LESSONS:
        assert nbgrader_course.source_notebook(root, lesson) in written
    assert "configure(c)" in (root / "nbgrader_config.py").read_text()
    assert nbgrader_course.drift(root) == [] and nbgrader_course.init_course(root) == []
    edited = nbgrader_course.source_notebook(root, LESSONS[0])
    edited.write_text(edited.read_text().replace("BEGIN HIDDEN", "BEGIN"), encoding="utf-8")
    assert nbgrader_course.drift(root) == [edited]
    (root / "nbgrader_config.py").write_text("c = get_config()\n# the instructor's own\n")
    assert nbgrader_course.init_course(root) == [edited]  # the config is the instructor's now
    assert "the instructor's own" in (root / "nbgrader_config.py").read_text()


def test_grade_course_commands(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["course", "init", str(tmp_path / "c"), "--lesson", LESSONS[0]])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and (tmp_path / "c" / "source" / LESSONS[0]).is_dir()
    assert runner.invoke(main, ["course", "init", str(tmp_path / "c"), "--lesson", LESSONS[0], "--check"]).exit_code == 0
    result = runner.invoke(main, ["course", "init", str(tmp_path / "d"), "--lesson", "lesson99"])
    assert result.exit_code == 2 and "no lesson" in result.output
    result = runner.invoke(main, ["course", "regrade", LESSONS[0], "-C", str(tmp_path / "c")])
    assert result.exit_code == 0  # nothing submitted yet: nothing to do
    assert "course" in runner.invoke(main, ["--help"]).output
    nb_path = nbgrader_course.source_notebook(tmp_path / "c", LESSONS[0])
    result = runner.invoke(main, ["course", "code", str(nb_path)])
    assert result.exit_code == 0 and result.output == regrade.notebook_code(nbformat.read(nb_path, as_version=4))


def test_config_text_is_python_that_nbgrader_can_load(tmp_path):
    from traitlets.config import Config

    nbgrader_course.init_course(tmp_path, [LESSONS[0]])
    c = Config()
    exec((tmp_path / "nbgrader_config.py").read_text(), {"get_config": lambda: c})
    assert c.CourseDirectory.course_id == "grokking"
    assert regrade.KitGrade in c.Autograde.autograde_preprocessors
    assert c.OverwriteCells.add_missing_cells is True


def test_the_course_commands_do_not_slow_down_grade_at_start_up():
    """nbformat takes seconds to import: only a course command may pay for it."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", "import sys, autograder.instructor.nbgrader_course; "
                           "print('nbformat' in sys.modules or 'nbgrader' in sys.modules)"],
                          capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
