"""The `grade` command as users meet it: exit codes, the table, JSON, hints."""

import json
import os
import subprocess
import sys

from click.testing import CliRunner

from autograder.cli import main
from conftest import ROOT, with_override


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "autograder", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "80",
                               "GROKKING_STATE_DIR": os.environ["GROKKING_STATE_DIR"]})


def test_solution_full_marks_json_contract():
    proc = run("lesson3", "--submission", "solutions/lesson3.py", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)  # exactly one JSON object, nothing else on stdout
    assert {"lesson", "score", "max_score", "tests"} <= set(report)
    assert report["lesson"] == "lesson3" and report["score"] == report["max_score"] == 10
    for test in report["tests"]:
        assert {"name", "exercise", "score", "max_score", "status", "output"} <= set(test)
        assert test["status"] == "passed" and isinstance(test["score"], (int, float))
    assert abs(sum(t["max_score"] for t in report["tests"]) - report["max_score"]) < 1e-3


def test_stub_zero_and_exit_1():
    proc = run("lesson3", "--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["score"] == 0
    assert {t["status"] for t in report["tests"]} == {"failed"}


def test_usage_errors_exit_2(tmp_path):
    assert run("lesson99").returncode == 2
    proc = run("lesson3", cwd=tmp_path)
    assert proc.returncode == 2 and "not found" in proc.stderr
    assert run("lesson3", "--format", "yaml").returncode == 2


def test_table_report_reads_in_80_columns(tmp_path):
    wrong = with_override("lesson3", "def w_sum(a, b):\n    return 0.85\n")
    path = tmp_path / "lesson3.py"
    path.write_text(wrong)
    proc = run("lesson3", "-s", str(path), "--hint")
    assert proc.returncode == 1
    out = proc.stdout
    assert max(len(line) for line in out.splitlines()) <= 80, [l for l in out.splitlines() if len(l) > 80]
    assert "\033[" not in out  # NO_COLOR
    assert "returned 0.85, expected 0.98 (trace L3.multi-input.pred)" in " ".join(out.split())
    assert "Hints:" in out and "w_sum:" in out
    assert "Total:" in out and "/ 10 points" in out


def test_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_text("def w_sum(a, b)\n    return 0\n")
    proc = run("lesson3", "-s", str(path), "--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    assert report["score"] == 0
    assert "syntax error on line 1" in report["tests"][0]["output"]
    # The table shows the line and a caret under the place, each on a line of its own.
    lines = run("lesson3", "-s", str(path)).stdout.splitlines()
    at = lines.index("    def w_sum(a, b)")
    assert lines[at + 1] == "    " + " " * len("def w_sum(a, b)") + "^"


def test_missing_function_is_named(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_text(with_override("lesson3", "del w_sum\ndef wsum(a, b):\n    return 0\n"))
    proc = run("lesson3", "-s", str(path), "--format", "json")
    outputs = [t["output"] for t in json.loads(proc.stdout)["tests"] if t["exercise"] == "w_sum"]
    assert outputs and all("has no function named w_sum" in o and "wsum" in o for o in outputs)


def test_list_and_generate_check():
    runner = CliRunner()
    listing = runner.invoke(main, ["list"])
    assert listing.exit_code == 0 and "w_sum(a, b)" in listing.output
    assert runner.invoke(main, ["generate", "--check"]).exit_code == 0
    known = runner.invoke(main, ["list", "lesson4", "--mistakes"])
    assert known.exit_code == 0 and "lesson3" not in known.output
    assert "- alpha is left out of the update" in known.output
    assert max(len(line) for line in known.output.splitlines()) <= 80
    assert runner.invoke(main, ["list", "lesson99"]).exit_code == 2


def test_same_seed_same_cases():
    first = json.loads(run("lesson3", "-s", "solutions/lesson3.py", "--format", "json", "--seed", "7").stdout)
    second = json.loads(run("lesson3", "-s", "solutions/lesson3.py", "--format", "json", "--seed", "7").stdout)
    assert [t["call"] for t in first["tests"]] == [t["call"] for t in second["tests"]]
    assert first["seed"] == 7


def test_an_unknown_lesson_names_the_lessons_around_it():
    for name, meant in [("lesson7", "lesson6 or lesson8"), ("lesson12", "lesson11"), ("backprp", "backprop"),
                        ("rnm", "rnn")]:
        result = CliRunner().invoke(main, [name], env={"NO_COLOR": "1"})
        assert result.exit_code == 2, result.output
        assert "Did you mean %s?" % meant in result.output
        assert "lesson6, backprop, lesson8" in result.output and "lesson11, rnn, neuron" in result.output  # course order
