"""Every misconception the kit knows is named when a learner's file makes exactly that
mistake, and its sentence reads as one."""

import pytest

from autograder import catalogue
from autograder.grading.recognise import same_value
from autograder.misconceptions import for_lesson, learner_code
from conftest import grade_text, with_override

ITEMS = [pytest.param(lesson, m, id=m.id) for lesson in catalogue.lessons() for m in for_lesson(lesson)]


@pytest.mark.parametrize("lesson,item", ITEMS)
def test_misconception_is_named_when_made(tmp_path, lesson, item):
    assert item.exercise in {e.name for e in catalogue.lesson(lesson).exercises}
    assert item.sentence.startswith("This is what you get when ") and item.sentence.count("This is") == 1
    result = grade_text(tmp_path, lesson, with_override(lesson, learner_code(item)))
    failing = [c for c in result.checks if c.exercise == item.exercise and not c.passed]
    assert failing, "the misconception %s is not caught by the grader" % item.id
    assert {c.misconception for c in failing} == {item.id}
    assert all(item.sentence in c.message for c in failing)
    # A check that explained the slip in its own words gives way: the mistake is said once.
    assert not any(c.slip and c.slip in c.message for c in failing)


def test_same_value_compares_structures():
    assert same_value((1.0, [1.0, 2.0]), (1.0, [1.0, 2.0 + 1e-12]))
    assert not same_value((1.0, [1.0, 2.0]), (1.0, [1.0, 2.1]))
    assert same_value([(0.3025, 0.25)], [[0.3025, 0.25]])
    assert not same_value(None, 1.0)


@pytest.mark.parametrize("lesson", list(catalogue.lessons()))
def test_every_slip_function_is_listed_in_its_lesson(lesson):
    """A misconception's code without its entry in the lesson's file would never be named:
    every public function of the lesson's module is a listed slip (or the reference's)."""
    import importlib
    import inspect

    try:
        module = importlib.import_module("autograder.misconceptions.%s" % lesson)
    except ModuleNotFoundError:
        return
    listed = {m.func.__name__ for m in for_lesson(lesson)}
    exercises = {e.name for e in catalogue.lesson(lesson).exercises}
    own = {name for name, f in vars(module).items() if inspect.isfunction(f) and not name.startswith("_")
           and f.__module__ == module.__name__ and name not in exercises}
    assert own <= listed, "functions of misconceptions/%s.py that %s.toml does not list: %s" % (
        lesson, lesson, sorted(own - listed))
