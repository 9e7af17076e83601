"""Result formats that other tools read: JUnit XML (read back with a JUnit consumer
library, as a CI system would) and Gradescope's results.json."""

import json

import pytest
from click.testing import CliRunner
from junitparser import Error, Failure, JUnitXml

from autograder import catalogue

from autograder.ci import formats
from autograder.cli import main
from autograder.grading.engine import grade
from conftest import ROOT, assert_valid_junit, grade_text, solution_text, with_override

WRONG = "def w_sum(a, b):\n    return 0.98\n"  # the course's answer, hard-coded
NOISY = ("def ele_mul(number, vector):\n"
         "    print('bell\\x07 nul\\x00 escape\\x1b[31m <tag> & done')\n"
         "    return [number + v for v in vector]\n")
CRASH = "import os\n\ndef dot_shape(a, b):\n    os._exit(3)\n"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    graded = {}
    for name, text in [("right", solution_text("lesson3")), ("wrong", with_override("lesson3", WRONG)),
                       ("noisy", with_override("lesson3", NOISY)), ("crash", with_override("lesson3", CRASH))]:
        (folder / name).mkdir()
        graded[name] = grade_text(folder / name, "lesson3", text, seed=7)
    return graded


def parse(text):
    xml = JUnitXml.fromstring(text.encode("utf-8"))  # bytes: the XML declaration names its encoding
    return list(xml) if xml._tag == "testsuites" else [xml]


def test_junit_one_suite_per_lesson_one_case_per_check(results):
    result = results["wrong"]
    (suite,) = parse(formats.junit_xml(result))
    assert suite.name == "lesson3"
    cases = list(suite)
    assert len(cases) == suite.tests == len(result.checks)
    assert [case.name for case in cases] == [c.name for c in result.checks]
    by_name = {c.name: c for c in result.checks}
    for case in cases:
        check = by_name[case.name]
        assert case.classname == "lesson3.%s" % check.exercise
        if check.passed:
            assert case.is_passed, case.name
        else:
            (problem,) = case.result
            assert isinstance(problem, Failure if check.status == "failed" else Error)
            assert problem.message == check.message.splitlines()[0]
            assert check.message in problem.text  # the learner's whole message
    failures = [c for c in result.checks if c.status == "failed"]
    assert failures and suite.failures == len(failures)
    assert {c.exercise for c in failures} >= {"w_sum"}
    assert any("w_sum" in case.classname and not case.is_passed for case in cases)


def test_junit_errors_and_printed_output(results):
    (suite,) = parse(formats.junit_xml(results["crash"]))
    errors = [case for case in suite if any(isinstance(r, Error) for r in case.result)]
    assert errors and all(case.classname == "lesson3.dot_shape" for case in errors)
    assert "os._exit" in errors[0].result[0].text
    assert suite.errors == len(errors)

    # A learner's print with control characters still gives valid XML, shown as system-out.
    (suite,) = parse(formats.junit_xml(results["noisy"]))
    failing = [case for case in suite if not case.is_passed]
    assert failing and all(case.classname == "lesson3.ele_mul" for case in failing)
    printed = [case.system_out for case in failing if case.system_out]
    assert printed and "<tag> & done" in printed[0] and "\x00" not in printed[0]


def test_junit_several_lessons_and_totals(results):
    text = formats.junit_xml([results["right"], results["wrong"]], suite_names=["alice/lesson3", "bob/lesson3"],
                             durations=[1.5, 2.0])
    xml = JUnitXml.fromstring(text.encode("utf-8"))
    suites = list(xml)
    assert [s.name for s in suites] == ["alice/lesson3", "bob/lesson3"]
    assert suites[0].failures == suites[0].errors == 0 and suites[0].time == pytest.approx(1.5)
    assert xml.tests == 2 * len(results["right"].checks)
    assert xml.failures == suites[1].failures > 0
    properties = {p.name: p.value for p in suites[1].properties()}
    assert properties["score"] == str(formats.number(results["wrong"].score))
    assert properties["max_score"] == "10"


def test_graded_junit_validates_against_the_schema(results):
    for result in results.values():
        assert_valid_junit(formats.junit_xml(result))
    assert_valid_junit(formats.junit_xml(list(results.values())))


@pytest.mark.parametrize("fmt", ["json", "junit", "gradescope"])
def test_a_missing_file_still_gets_a_whole_report(tmp_path, fmt):
    """A CI job reads a report even when the file is not there: every exercise, 0 points."""
    result = CliRunner().invoke(main, ["lesson5", "-s", str(tmp_path / "lesson5.py"), "--format", fmt])
    assert result.exit_code == 2  # a usage error, as with the table
    assert "not found" in result.stderr
    exercises = [e.name for e in catalogue.lesson("lesson5").exercises]
    if fmt == "junit":
        assert_valid_junit(result.stdout)
        (suite,) = parse(result.stdout)
        assert [case.classname for case in suite] == ["lesson5.%s" % e for e in exercises]
        assert all(isinstance(case.result[0], Error) and "not found" in case.result[0].text for case in suite)
        assert {p.name: p.value for p in suite.properties()}["max_score"] == "10"
    else:
        data = json.loads(result.stdout)
        assert data["score"] == 0 and len(data["tests"]) == len(exercises)
        assert sum(t["max_score"] for t in data["tests"]) == 10
        assert all("not found" in t["output"] for t in data["tests"])


UNRUNNABLE = {  # file contents -> what the report must say, on every check and as the problem
    "empty": (b"", "lesson3.py is empty"),
    "not Python text": (b"def w_sum(a, b):\n    return 0\x00\n", "lesson3.py cannot be read"),
    "not UTF-8": (b"\xff\xfe\xfa w_sum\n", "lesson3.py cannot be read"),
    "defines nothing": (b"def wsum(a, b):\n    return 0\n", "defines none of the lesson's functions"),
    "hangs at import": (b"while True:\n    pass\n", "importing lesson3.py did not finish within"),
}


@pytest.mark.parametrize("kind", list(UNRUNNABLE))
def test_a_file_that_cannot_run_gets_a_whole_report_in_every_format(tmp_path, kind):
    content, said = UNRUNNABLE[kind]
    path = tmp_path / "lesson3.py"
    path.write_bytes(content)
    result = grade("lesson3", path)
    assert said in result.problem and result.score == 0 and result.max_score == 10
    if kind == "hangs at import":
        # The hang is the file's import, not the first function it would have called.
        assert {c.message for c in result.checks} == {result.problem}
        assert {c.status for c in result.checks} == {"timeout"}
    assert_valid_junit(formats.junit_xml(result))
    (suite,) = parse(formats.junit_xml(result))
    assert len(list(suite)) == len(result.checks) == suite.errors + suite.failures
    data = formats.gradescope_results(result)
    assert data["score"] == 0 and said in data["output"]
    assert json.loads(formats.render(result, "json"))["tests"]


def test_gradescope_results_format(results):
    result = results["wrong"]
    data = formats.gradescope_results(result, visibility="after_published", execution_time=1.25)
    json.dumps(data)  # plain JSON
    assert data["score"] == formats.number(result.score) < 10
    assert data["execution_time"] == 1.25
    assert len(data["tests"]) == len(result.checks)
    for test, check in zip(data["tests"], result.checks):
        assert set(test) >= {"name", "score", "max_score", "status", "output", "visibility"}
        assert test["visibility"] == "after_published"
        assert test["status"] == ("passed" if check.passed else "failed")
        assert test["score"] == (test["max_score"] if check.passed else 0)
        assert check.name in test["name"] and check.exercise in test["name"]
        if not check.passed:
            assert check.message in test["output"]
    assert sum(t["max_score"] for t in data["tests"]) == pytest.approx(10, abs=1e-3)
    assert "seed 7" in data["output"]
    with pytest.raises(ValueError):
        formats.gradescope_results(result, visibility="sometimes")


def test_gradescope_several_lessons_are_prefixed(results):
    data = formats.gradescope_results([results["right"], results["crash"]])
    assert data["score"] == formats.number(results["right"].score + results["crash"].score)
    assert all(t["name"].startswith("lesson3 · ") for t in data["tests"])
    assert len({t["number"] for t in data["tests"]}) == len(data["tests"])


def test_json_format_is_the_kits_own(results):
    assert json.loads(formats.render(results["right"], "json")) == results["right"].to_json()
    with pytest.raises(ValueError):
        formats.render(results["right"], "yaml")


def test_lesson_command_writes_junit_and_gradescope(tmp_path):
    wrong = tmp_path / "lesson3.py"
    wrong.write_text(with_override("lesson3", WRONG))
    runner = CliRunner()
    result = runner.invoke(main, ["lesson3", "-s", str(wrong), "--format", "junit", "--seed", "3"])
    assert result.exit_code == 1, result.output  # points lost, as with the table
    (suite,) = parse(result.stdout)
    assert suite.name == "lesson3" and suite.failures > 0 and suite.time > 0
    result = runner.invoke(main, ["lesson3", "-s", str(ROOT / "solutions" / "lesson3.py"), "--format", "gradescope"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["score"] == 10 and all(t["status"] == "passed" for t in data["tests"])
    assert data["execution_time"] > 0


def test_ci_examples_grade_with_junit():
    yaml = pytest.importorskip("yaml")
    github = yaml.safe_load((ROOT / "examples" / "github-classroom.yml").read_text())
    steps = github["jobs"]["grade"]["steps"]
    assert any("--format junit > report-" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/upload-artifact") and step.get("if") == "always()"
               for step in steps)
    gitlab = yaml.safe_load((ROOT / "examples" / "gitlab-ci.yml").read_text())["grade"]
    assert any("--format junit" in line for line in gitlab["script"])
    assert gitlab["artifacts"]["reports"]["junit"] == "report-$LESSON.xml"
    assert gitlab["artifacts"]["when"] == "always"


def test_shares_are_whole_ten_thousandths_that_add_up():
    from fractions import Fraction

    from autograder.grading.results import shares

    for points in (1, 2, 3, 5, 10):
        for count in range(1, 40):
            parts = shares(points, count)
            assert sum(parts) == points and len(parts) == count
            assert max(parts) - min(parts) <= Fraction(1, 10_000)
            assert all((p * 10_000).denominator == 1 for p in parts)


def _partial_credit_file(lesson):
    """The solution with the first wrong variant of the lesson in it: some checks fail."""
    from conftest import VARIANTS

    wrong = sorted((VARIANTS / lesson / "wrong").glob("*.py"))
    return with_override(lesson, wrong[0].read_text(encoding="utf-8")) if wrong else solution_text(lesson)


@pytest.mark.parametrize("lesson", list(catalogue.lessons()))
def test_per_test_points_add_up_to_the_totals_in_every_format(tmp_path, lesson):
    """Sum the tests' points as printed (four decimals at most): the total, exactly."""
    import re
    from decimal import Decimal

    from autograder.instructor import regrade
    from autograder.grading.results import number

    def d(x):
        return Decimal(str(x))

    result = grade_text(tmp_path, lesson, _partial_credit_file(lesson), seed=3)
    top = catalogue.lesson(lesson).max_score
    assert 0 < result.score < top
    data = result.to_json()  # json
    assert sum(d(t["max_score"]) for t in data["tests"]) == d(data["max_score"]) == top
    assert sum(d(t["score"]) for t in data["tests"]) == d(data["score"])
    scope = formats.gradescope_results(result)  # gradescope
    assert sum(d(t["max_score"]) for t in scope["tests"]) == top
    assert sum(d(t["score"]) for t in scope["tests"]) == d(scope["score"]) == d(data["score"])
    suite = parse(formats.junit_xml(result))[0]  # junit: the points each failing case lost
    lost = []
    for case in suite:
        for item in case.result:
            lost += re.findall(r"Points: 0 / ([\d.]+)\.", item.text or "")
    properties = {p.name: p.value for p in suite.properties()}
    assert d(properties["max_score"]) - sum(d(x) for x in lost) == d(properties["score"]) == d(data["score"])
    for exercise, (score, points) in result.exercises().items():  # nbgrader: one test cell per exercise
        checks = [c for c in result.checks if c.exercise == exercise]
        assert sum(d(number(c.max_score)) for c in checks) == catalogue.lesson(lesson).exercise(exercise).points
        assert d(regrade.cell_score(result, exercise)) == sum(d(number(c.score)) for c in checks)
