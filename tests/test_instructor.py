"""What an instructor relies on besides the notebooks themselves: assignments by any name
(c.KitGrade.lessons), the settings documented where the config points, regrade saying
why a gradebook total is not the kit's score, the hidden tests' checksums understood."""

from types import SimpleNamespace

import nbformat
import pytest
from click.testing import CliRunner
from traitlets.config import Config

from autograder.instructor import nbgrader_course, notebooks, regrade
from autograder.cli import main
from autograder.instructor.notebooks import UnmappedNotebook, notebook_lesson

KIT_NB = notebooks.build_notebook("lesson3")


def _stock_notebook():
    """An instructor's own nbgrader notebook: assert-based test cells, none of the kit's."""
    cell = nbformat.v4.new_code_cell("assert answer == 42\n### BEGIN HIDDEN TESTS\nassert answer > 0\n"
                                     "### END HIDDEN TESTS")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "test_answer", "points": 1, "locked": True,
                                 "solution": False, "schema_version": 3}
    return nbformat.v4.new_notebook(cells=[cell])


# ------------------------------------------------------------------ naming


def test_lessons_by_their_own_names_need_no_mapping():
    assert notebook_lesson("lesson3", "lesson3", {}, KIT_NB) == "lesson3"
    assert notebook_lesson("week2", "lesson3", {}, KIT_NB) == "lesson3"  # the notebook's name
    assert notebook_lesson("lesson3", "forward", {}, KIT_NB) == "lesson3"  # the assignment's name


def test_the_mapping_names_assignments_notebooks_or_both():
    assert notebook_lesson("week2", "week2", {"week2": "lesson3"}, KIT_NB) == "lesson3"
    assert notebook_lesson("week2", "forward", {"forward": "lesson3"}, KIT_NB) == "lesson3"
    assert notebook_lesson("week2", "forward", {"week2/forward": "lesson3", "week2": "lesson4"}, KIT_NB) == "lesson3"
    # A notebook named after a lesson wins over its assignment's mapping (two lessons in one week).
    assert notebook_lesson("week2", "lesson4", {"week2": "lesson3"}) == "lesson4"


def test_a_kit_notebook_that_maps_to_no_lesson_is_an_error_that_says_what_to_do():
    with pytest.raises(UnmappedNotebook) as info:
        notebook_lesson("week2", "week2", {}, KIT_NB)
    text = str(info.value)
    assert "week2/week2.ipynb" in text and "maps to no lesson" in text and "score 0" in text
    assert "c.KitGrade.lessons = {'week2': 'lesson3'}" in text and "nbgrader autograde week2" in text


def test_a_kit_notebook_mapped_to_the_wrong_lesson_is_an_error():
    with pytest.raises(UnmappedNotebook, match="graded as lesson4 but holds the kit's test cells of lesson3"):
        notebook_lesson("week2", "week2", {"week2": "lesson4"}, KIT_NB)
    with pytest.raises(UnmappedNotebook, match="'week2' to 'lesson99', which is not a lesson"):
        notebook_lesson("week2", "week2", {"week2": "lesson99"}, KIT_NB)


def test_other_notebooks_are_left_to_nbgrader():
    assert notebook_lesson("project", "project", {}, _stock_notebook()) is None
    assert notebook_lesson("project", "project", {}) is None


def test_kit_grade_reads_the_mapping_from_the_config_and_fails_loudly_without_it():
    config = Config()
    config.KitGrade.lessons = {"week2": "lesson3"}
    step = regrade.KitGrade(config=config)
    resources = {"nbgrader": {"assignment": "week2", "notebook": "week2", "student": "ada"}}
    nb = nbformat.from_dict(KIT_NB)
    _, out = step.preprocess(nb, dict(resources))
    assert out[regrade.RESULT_KEY].full_marks
    with pytest.raises(UnmappedNotebook):
        regrade.KitGrade().preprocess(nb, dict(resources))
    _, out = regrade.KitGrade().preprocess(_stock_notebook(), dict(resources))
    assert regrade.RESULT_KEY not in out


# ------------------------------------------------------------------ grade course init


def test_init_names_assignments_and_writes_their_mapping(tmp_path):
    runner = CliRunner()
    root = tmp_path / "course"
    result = runner.invoke(main, ["course", "init", str(root), "-l", "lesson4", "-a", "week2=lesson3"])
    assert result.exit_code == 0, result.output
    assert (root / "source" / "week2" / "week2.ipynb").is_file()
    assert (root / "source" / "lesson4" / "lesson4.ipynb").is_file()
    assert not (root / "source" / "lesson3").exists()
    assert regrade.course_settings(root)["lessons"] == {"lesson4": "lesson4", "week2": "lesson3"}
    assert "nbgrader generate_assignment lesson4" in result.output
    assert nbgrader_course.drift(root, ["lesson4"], {"week2": "lesson3"}) == []
    # A second assignment later: the notebook is written, the config (the instructor's) says what to add.
    result = runner.invoke(main, ["course", "init", str(root), "-a", "week3=lesson5"])
    assert result.exit_code == 0
    assert (root / "source" / "week3" / "week3.ipynb").is_file()
    assert "c.KitGrade.lessons.update({'week3': 'lesson5'})" in result.output
    for bad in ("week2", "week2=lesson99", "a/b=lesson3"):
        assert runner.invoke(main, ["course", "init", str(root), "-a", bad]).exit_code == 2


def test_the_settings_the_config_points_at_are_in_grade_course_help(tmp_path):
    nbgrader_course.init_course(tmp_path, ["lesson3"])
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "grade course --help" in config
    text = CliRunner().invoke(main, ["course", "--help"]).output
    for setting in ("configure(c)", "c.KitGrade.lessons", "c.KitGrade.seed", "c.KitExecute.run_kernel"):
        assert setting in text
    for name in regrade.KitGrade.class_own_traits(config=True):
        assert "c.KitGrade.%s" % name in text, name
    for name in regrade.KitExecute.class_own_traits(config=True):
        assert "c.KitExecute.%s" % name in text, name


def test_configure_puts_the_kit_in_both_passes_of_autograde():
    from nbgrader.preprocessors import OverwriteCells

    c = regrade.configure(Config())
    assert regrade.KitOverwriteCells in c.Autograde.sanitize_preprocessors
    assert OverwriteCells not in c.Autograde.sanitize_preprocessors
    assert regrade.KitGrade in c.Autograde.autograde_preprocessors


# ------------------------------------------------------------------ regrade's totals


def _grade(name, auto, max_score, manual=None, extra=None):
    return SimpleNamespace(name=name, auto_score=auto, manual_score=manual, extra_credit=extra, max_score=max_score)


def test_regrade_says_nothing_when_the_gradebook_holds_the_kits_score():
    grades = [_grade("test_w_sum", 1.5, 2), _grade("test_dot_shape", 1, 1)]
    assert regrade.gradebook_note(grades, {"test_w_sum": 1.5, "test_dot_shape": 1}, 3) == ""


def test_regrade_names_manual_grades_extra_credit_other_cells_and_scaled_points():
    grades = [_grade("test_w_sum", 1.5, 2, manual=2), _grade("test_dot_shape", 1, 1, extra=0.5)]
    note = regrade.gradebook_note(grades, {"test_w_sum": 1.5, "test_dot_shape": 1}, 3)
    assert note.startswith("the gradebook total is 3.5 / 3: ")
    assert "the manual grade of w_sum is kept (2; the kit's checks give 1.5)" in note
    assert "dot_shape has 0.5 extra credit" in note
    note = regrade.gradebook_note(grades[:1] + [_grade("essay", None, 5, manual=4)], {"test_w_sum": 1.5}, 2)
    assert "essay, a cell the kit does not grade, counts 4" in note
    note = regrade.gradebook_note([_grade("test_w_sum", 3, 4)], {"test_w_sum": 3}, 2)
    assert "the course gives these exercises 4 points, the kit 2: scores are scaled" in note
