"""The kit keeps its promises: solutions full marks, stubs zero, stubs in step with the
solutions, every trace of a lesson checked (or explained), the catalogue's names and
signatures kept."""

import ast
import inspect
import json
import re

import pytest

from autograder import catalogue, reference

from autograder.instructor import generate
from conftest import ROOT, SHARED, grade_text, solution_text

LESSONS = list(catalogue.lessons())


@pytest.fixture(scope="module")
def solution_results(tmp_path_factory):
    results = {}
    for lesson in LESSONS:
        results[lesson] = grade_text(tmp_path_factory.mktemp(lesson), lesson, solution_text(lesson))
    return results


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_gets_full_marks(solution_results, lesson):
    result = solution_results[lesson]
    assert not result.internal_errors
    assert result.full_marks, [(c.name, c.message) for c in result.checks if not c.passed]
    assert result.score == catalogue.lesson(lesson).max_score


@pytest.mark.parametrize("lesson", LESSONS)
def test_untouched_stub_scores_zero(tmp_path, lesson):
    stub = (ROOT / "exercises" / ("%s.py" % lesson)).read_text(encoding="utf-8")
    result = grade_text(tmp_path, lesson, stub)
    assert not result.internal_errors
    assert result.score == 0, [c.name for c in result.checks if c.passed]
    assert all("not written yet" in c.message for c in result.checks)


def test_committed_stubs_equal_generated_ones():
    assert generate.drift() == [], "run `grade generate` and commit exercises/"


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_defines_exactly_the_lesson_exercises(lesson):
    tree = ast.parse(solution_text(lesson))
    defined = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert defined == [e.name for e in catalogue.lesson(lesson).exercises]


@pytest.mark.parametrize("lesson", LESSONS)
def test_metadata_signatures_match_solutions(lesson):
    module = reference.load(lesson)
    for e in catalogue.lesson(lesson).exercises:
        assert e.hints, "%s needs at least one hint" % e.name
        assert e.signature == "%s%s" % (e.name, inspect.signature(getattr(module, e.name))), e.name


@pytest.mark.parametrize("lesson", LESSONS)
def test_metadata_traces_are_the_checked_ones(solution_results, lesson):
    checked = {}
    for c in solution_results[lesson].checks:
        if c.source in catalogue.traces():
            checked.setdefault(c.exercise, set()).add(c.source)
    for e in catalogue.lesson(lesson).exercises:
        assert set(e.traces) == checked.get(e.name, set()), e.name


def test_every_trace_of_the_graded_lessons_is_checked_or_explained(solution_results):
    checked, explained = set(), set()
    for lesson in LESSONS:
        checked |= {c.source for c in solution_results[lesson].checks}
        explained |= set(catalogue.lesson(lesson).ungraded_traces)
    # The streetlight talk teaches lessons 3-6: its traces belong to those lessons' graders.
    talk_lessons = {"streetlight-talk": {"lesson3", "lesson4", "lesson5", "lesson6"},
                    "cnn-xo": {"lesson10"},  # the CNN talk's X-versus-O walkthrough
                    "backprop-talk": {"backprop"}, "rnn-talk": {"rnn"}}  # the other talks of document 003
    missing = []
    for t in catalogue.traces().values():
        owners = talk_lessons.get(t.lesson, {t.lesson})
        if owners <= set(LESSONS) and t.id not in checked | explained:
            missing.append(t.id)
    assert not missing, "traces neither checked nor explained in ungraded_traces: %s" % missing
    assert not checked & explained, "a trace is both checked and listed as ungraded"


def test_kit_traces_equal_the_catalogued_ones():
    shared = SHARED / "traces" / "traces.json"
    if not shared.is_file():
        pytest.skip("../shared is not beside the checkout")
    assert json.loads(shared.read_text()) == json.loads(catalogue.TRACES_FILE.read_text())


def _catalogue():
    path = SHARED / "curriculum.md"
    if not path.is_file():
        pytest.skip("../shared is not beside the checkout")
    sections = re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.M)
    found = {}
    for section in sections[1:]:
        name = section.split()[0]
        calls = []
        for line in section.splitlines():
            if line.startswith("|"):
                line = line.split("|")[1]  # a table row names the function in its first cell
            calls += re.findall(r"`([a-z_0-9]+)\(([^`]*)\)`", line)
        found[name] = calls
    return found


@pytest.mark.parametrize("lesson", LESSONS)
def test_catalogue_functions_are_all_exercises_with_their_signatures(lesson):
    catalogue = _catalogue().get(lesson, [])
    exercises = {e.name: e for e in catalogue.lesson(lesson).exercises}
    module = reference.load(lesson)
    for name, params in catalogue:
        if params == "...":
            assert name in exercises, name
            continue
        assert name in exercises, "catalogue function %s missing from %s" % (name, lesson)
        want = [p.strip().split("=")[0] for p in params.split(",") if p.strip()]
        got = list(inspect.signature(getattr(module, name)).parameters)
        assert got == want, (name, got, want)


def test_readme_lesson_table_lists_every_lesson_in_course_order():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## The lessons", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z0-9]+)` \|.*\| (\d+) \|[^|]*\|$", section, flags=re.M)
    assert [name for name, _ in rows] == LESSONS
    assert {name: int(n) for name, n in rows} == {name: len(catalogue.lesson(name).exercises) for name in LESSONS}


@pytest.mark.parametrize("lesson", LESSONS)
def test_catalogue_extensions_are_exercises_beyond_the_catalogue(lesson):
    extensions = catalogue.lesson(lesson).data.get("catalogue_extensions", [])
    names = [e.name for e in catalogue.lesson(lesson).exercises]
    assert set(extensions) <= set(names)
    if extensions and (SHARED / "curriculum.md").is_file():
        catalogued = {name for name, _ in _catalogue().get(lesson, [])}
        assert catalogued, "%s is not in the catalogue" % lesson
        assert not set(extensions) & catalogued, "already catalogued: drop them from catalogue_extensions"
        assert set(names) - set(extensions) == catalogued, "exercises neither catalogued nor declared extensions"
