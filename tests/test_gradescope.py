"""The Gradescope autograder bundle, run for real with its root in a temporary folder."""

import json
import os
import stat
import subprocess
import sys
import tomllib
import zipfile

import pytest
from click.testing import CliRunner

from autograder.ci import gradescope
from autograder.cli import main
from conftest import ROOT, solution_text, with_override


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    return gradescope.build_bundle(["lesson3"], tmp_path_factory.mktemp("bundle") / "autograder.zip",
                                   visibility="after_published")


def test_bundle_contents(bundle):
    with zipfile.ZipFile(bundle) as z:
        names = set(z.namelist())
        modes = {info.filename: info.external_attr >> 16 for info in z.infolist()}
        config = json.loads(z.read("config.json"))
    assert {"setup.sh", "run_autograder", "config.json", "kit/pyproject.toml", "kit/solutions/lesson3.py",
            "kit/autograder/grading/engine.py", "kit/autograder/sandbox/worker.py",
            "kit/autograder/lessons/lesson3.toml", "kit/autograder/graders/test_lesson3.py"} <= names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert modes["run_autograder"] & stat.S_IXUSR and modes["setup.sh"] & stat.S_IXUSR
    assert config == {"lessons": ["lesson3"], "files": {"lesson3": "lesson3.py"}, "visibility": "after_published",
                      "allow_unsealed": False}
    # Only the graded lesson's answers travel with the bundle.
    assert [n for n in names if n.startswith("kit/solutions/")] == ["kit/solutions/lesson3.py"]
    # Whatever the project file copies into the wheel is in the bundle, or setup.sh's install fails.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    for source in project["tool"]["hatch"]["build"]["targets"]["wheel"].get("force-include", {}):
        assert any(n.startswith("kit/%s" % source) for n in names), source


def autograder_root(tmp_path, bundle, files):
    """Lay out /autograder as Gradescope does, under ``tmp_path``."""
    root = tmp_path / "autograder"
    (root / "submission").mkdir(parents=True)
    with zipfile.ZipFile(bundle) as z:
        z.extractall(root / "source")
    for name, text in files.items():
        (root / "submission" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / name).write_text(text, encoding="utf-8")
    return root


def run_autograder(root):
    # The kit inside the bundle grades (not the checkout's): PYTHONPATH points at it.
    env = {"PATH": "/usr/bin:/bin", "AUTOGRADER_ROOT": str(root), "AUTOGRADER_PYTHON": sys.executable,
           "PYTHONPATH": str(root / "source" / "kit")}
    proc = subprocess.run(["bash", str(root / "source" / "run_autograder")], capture_output=True, text=True,
                          env=env, cwd="/")
    results = root / "results" / "results.json"
    return proc, json.loads(results.read_text()) if results.is_file() else None


def test_setup_script_is_valid_bash(bundle, tmp_path):
    root = autograder_root(tmp_path, bundle, {})
    for script in ("setup.sh", "run_autograder"):
        assert subprocess.run(["bash", "-n", str(root / "source" / script)]).returncode == 0


def test_run_autograder_grades_the_submission(bundle, tmp_path):
    wrong = with_override("lesson3", "def ele_mul(number, vector):\n    return [number + v for v in vector]\n")
    root = autograder_root(tmp_path, bundle, {"lesson3.py": wrong})
    proc, results = run_autograder(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert results["score"] == 8  # ele_mul is worth 2 of 10 points
    failing = [t for t in results["tests"] if t["status"] == "failed"]
    assert failing and all(t["name"].startswith("ele_mul") for t in failing)
    assert all(t["score"] == 0 and t["max_score"] > 0 and "ele_mul(" in t["output"] for t in failing)
    assert all(t["visibility"] == "after_published" for t in results["tests"])
    assert "lesson3" in proc.stdout  # the instructor's log


def test_run_autograder_finds_a_renamed_file_in_a_folder(bundle, tmp_path):
    root = autograder_root(tmp_path, bundle, {"exercises/my_lesson.py": solution_text("lesson3")})
    proc, results = run_autograder(root)
    assert proc.returncode == 0, proc.stderr
    assert results["score"] == 10 and all(t["status"] == "passed" for t in results["tests"])


def test_run_autograder_without_the_file(bundle, tmp_path):
    root = autograder_root(tmp_path, bundle, {"notes.txt": "hello", "other.md": "x"})
    proc, results = run_autograder(root)
    assert proc.returncode == 0, proc.stderr
    assert results["score"] == 0 and results["tests"]  # a whole report: every exercise at 0
    assert sum(t["max_score"] for t in results["tests"]) == 10
    assert all(t["status"] == "failed" and "No lesson3.py" in t["output"] for t in results["tests"])
    assert "No lesson3.py in your submission" in results["output"] and "notes.txt" in results["output"]


def test_gradescope_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["gradescope", "lesson3", "-o", str(tmp_path / "ag.zip")])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(tmp_path / "ag.zip") and "lesson3.py" in result.output
    result = runner.invoke(main, ["gradescope", "lesson99", "-o", str(tmp_path / "x.zip")])
    assert result.exit_code == 2 and not os.path.exists(tmp_path / "x.zip")
    assert runner.invoke(main, ["gradescope", "lesson3", "--visibility", "sometimes"]).exit_code == 2


def _notebook_text(lesson, override=None):
    """The course's notebook of ``lesson`` as a student of the nbgrader course hands it in
    (solutions written in), with ``override`` appended as a cell of its own."""
    import nbformat

    from autograder.instructor import notebooks

    nb = notebooks.build_notebook(lesson)
    if override:
        nb.cells.append(nbformat.v4.new_code_cell(override))
    return nbformat.writes(nb)


def test_run_autograder_grades_the_course_notebook(bundle, tmp_path):
    wrong = "def ele_mul(number, vector):\n    return [number + v for v in vector]\n"
    root = autograder_root(tmp_path, bundle, {"lesson3.ipynb": _notebook_text("lesson3", wrong)})
    proc, results = run_autograder(root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert results["score"] == 8, results["output"]
    failing = [t for t in results["tests"] if t["status"] == "failed"]
    assert failing and all(t["name"].startswith("ele_mul") for t in failing)


def test_the_python_file_comes_before_the_notebook_and_a_lone_notebook_is_taken(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "lesson3.ipynb").write_text("{}")
    (tmp_path / "a" / "lesson3.py").write_text("")
    assert gradescope.find_file(tmp_path / "a", "lesson3.py").name == "lesson3.py"
    (tmp_path / "b" / ".ipynb_checkpoints").mkdir(parents=True)
    (tmp_path / "b" / "mine.ipynb").write_text("{}")
    (tmp_path / "b" / ".ipynb_checkpoints" / "mine-checkpoint.ipynb").write_text("{}")
    assert gradescope.find_file(tmp_path / "b", "lesson3.py").name == "mine.ipynb"


def test_an_unreadable_notebook_gets_zero_and_says_why(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "lesson3.ipynb").write_text("not a notebook {")
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"lessons": ["lesson3"], "files": {"lesson3": "lesson3.py"}}))
    results = tmp_path / "results.json"
    assert gradescope.run(config, folder, results, echo=lambda *a: None) == 0
    data = json.loads(results.read_text())
    assert data["score"] == 0 and "lesson3.ipynb is not a notebook Jupyter can open" in data["output"]


def test_a_correct_notebook_gets_full_marks_in_process(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "lesson3.ipynb").write_text(_notebook_text("lesson3"))
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"lessons": ["lesson3"], "files": {"lesson3": "lesson3.py"}}))
    assert gradescope.run(config, folder, tmp_path / "results.json", echo=lambda *a: None) == 0
    data = json.loads((tmp_path / "results.json").read_text())
    assert data["score"] == 10 and all(t["status"] == "passed" for t in data["tests"])
