"""GitHub Classroom: a learners' template without the solutions, and points with partial
credit (the `classroom` format that the workflow hands to Classroom's reporter)."""

import base64
import json

import pytest
from click.testing import CliRunner

from autograder.instructor import classroom

from autograder import catalogue

from autograder.ci import formats
from autograder.cli import main
from autograder.instructor.generate import stub_source
from conftest import ROOT, grade_text, solution_text, with_override

yaml = pytest.importorskip("yaml")


def test_the_example_workflow_is_what_the_kit_writes():
    assert (ROOT / "examples" / "github-classroom.yml").read_text(encoding="utf-8") == classroom.workflow()


def test_a_template_holds_the_stubs_and_never_the_solutions(tmp_path, monkeypatch):
    kit = "git+https://github.com/someone/kit@v1"
    result = CliRunner().invoke(main, ["classroom", str(tmp_path / "tpl"), "-l", "lesson3", "-l", "lesson5",
                                       "--kit", kit])
    assert result.exit_code == 0, result.output
    tpl = tmp_path / "tpl"
    files = sorted(p.relative_to(tpl).as_posix() for p in tpl.rglob("*") if p.is_file())
    assert files == [".github/workflows/classroom.yml", ".gitignore", "README.md", "exercises/lesson3.py",
                     "exercises/lesson5.py"]
    for lesson in ("lesson3", "lesson5"):
        assert (tpl / "exercises" / ("%s.py" % lesson)).read_text() == stub_source(solution_text(lesson))
    # No line of a reference body is anywhere in the template.
    everything = "\n".join((tpl / f).read_text() for f in files)
    assert "prediction = input * weight" in solution_text("lesson3")
    assert "prediction = input * weight" not in everything
    workflow = yaml.safe_load((tpl / ".github" / "workflows" / "classroom.yml").read_text())
    assert workflow["env"]["KIT"] == kit
    assert workflow["jobs"]["grade"]["strategy"]["matrix"]["lesson"] == ["lesson3", "lesson5"]
    steps = workflow["jobs"]["classroom"]["steps"]
    graded = [s for s in steps if "--format classroom" in s.get("run", "")]
    assert [s["id"] for s in graded] == ["lesson3", "lesson5"]
    reporter = steps[-1]
    assert reporter["uses"].startswith("classroom-resources/autograding-grading-reporter")
    assert reporter["with"]["runners"] == "lesson3,lesson5"
    assert set(reporter["env"]) == {"LESSON3_RESULTS", "LESSON5_RESULTS"}
    # In the template, `grade lesson3` grades the learner's stub with the installed kit's references.
    monkeypatch.chdir(tpl)
    done = CliRunner().invoke(main, ["lesson3", "--format", "classroom"])
    assert done.exit_code == 1
    data = json.loads(base64.b64decode(base64.b64encode(done.stdout.encode())))
    assert data["max_score"] == 10 and sum(t["score"] for t in data["tests"]) == 0
    # A template goes into a new folder only.
    again = CliRunner().invoke(main, ["classroom", str(tpl), "-l", "lesson3", "--kit", kit])
    assert again.exit_code == 2


def test_classroom_points_are_partial_credit(tmp_path):
    wrong = grade_text(tmp_path, "lesson3", with_override("lesson3", "def w_sum(a, b):\n    return 0.98\n"))
    data = formats.classroom_results(wrong)
    assert data["version"] == 1 and data["status"] == "fail" and data["max_score"] == 10
    names = [t["name"] for t in data["tests"]]
    assert names == [e.name for e in catalogue.lesson("lesson3").exercises]
    assert sum(t["score"] for t in data["tests"]) == pytest.approx(float(wrong.score), abs=1e-3)
    assert 0 < sum(t["score"] for t in data["tests"]) < 10  # neither all nor nothing
    (w_sum,) = [t for t in data["tests"] if t["name"] == "w_sum"]
    assert w_sum["status"] == "fail" and w_sum["message"]
    (tmp_path / "right").mkdir()
    right = grade_text(tmp_path / "right", "lesson3", solution_text("lesson3"))
    assert formats.classroom_results(right)["status"] == "pass"
