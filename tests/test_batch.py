"""Grading a class at once: every student gets the score the engine gives them alone,
and one student's hang, crash or memory bomb never stalls or costs the others."""

import csv
import json
import subprocess
import sys
from fractions import Fraction

import pytest
from click.testing import CliRunner
from junitparser import JUnitXml

from autograder.ci import batch
from autograder.cli import main
from conftest import ROOT, assert_valid_junit, solution_text, with_override

HANG = "def neural_network(input, weight):\n    while True:\n        pass\n"
CRASH = "import os\n\ndef ele_mul(number, vector):\n    os._exit(3)\n"
BOMB = ("def dot_shape(a, b):\n    hoard = []\n    while True:\n"
        "        hoard.append(bytearray(50 * 2**20))\n")
WRONG = "def ele_mul(number, vector):\n    return [number + v for v in vector]\n"
KILLER = ("import os, signal\n\ndef dot_shape(a, b):\n"
          "    os.kill(os.getppid(), signal.SIGKILL)\n    return (a[0], b[1])\n")
FIXED_BUFFER = ("def ele_mul(number, vector):\n    output = [0, 0, 0]\n    assert len(output) == len(vector)\n"
                "    for i in range(len(vector)):\n        output[i] = number * vector[i]\n    return output\n")
HANG_EVERYWHERE = "".join(
    "def %s(*args):\n    while True:\n        pass\n" % name
    for name in ("neural_network", "w_sum", "ele_mul", "dot_shape"))

# student -> (file text or None for no file, expected score of lesson3 out of 10)
CLASS = {
    "alice": (solution_text("lesson3"), 10),
    "bob": ((ROOT / "exercises" / "lesson3.py").read_text(), 0),
    "carol": (with_override("lesson3", HANG), 9),  # neural_network: 1 point
    "dave": (with_override("lesson3", CRASH), 8),  # ele_mul: 2 points
    "erin": (with_override("lesson3", BOMB), 9),  # dot_shape: 1 point
    "frank": ("def w_sum(a, b)\n    return 0\n", 0),  # syntax error
    "grace": (None, 0),  # no file
    "henry": (with_override("lesson3", WRONG), 8),
    "ivan": (with_override("lesson3", KILLER), 9),  # dot_shape: 1 point
    "judy": (with_override("lesson3", FIXED_BUFFER), Fraction(91429, 10000)),  # ele_mul: 3 of its 7 checks lost
    # (each check's share is a whole number of ten-thousandths, so that the shares add up)
    "kim": ("", 0),  # an empty file
    "leo": (solution_text("lesson3") + "\nwhile True:\n    pass\n", 0),  # right code, but its import never ends
}
# student -> what the CSV's message column must say (the others: nothing)
MESSAGES = {"frank": "syntax error", "grace": "no lesson3.py", "kim": "lesson3.py is empty",
            "leo": "importing lesson3.py did not finish"}


def make_class(folder, students=CLASS):
    for student, (text, _) in students.items():
        (folder / student).mkdir(parents=True)
        if text is not None:
            (folder / student / "lesson3.py").write_text(text, encoding="utf-8")
    return folder


def test_a_mixed_class(tmp_path_factory, tmp_path):
    """One run over the class (a single test, so that parallel test runs grade it once)."""
    folder = make_class(tmp_path_factory.mktemp("class") / "submissions")
    tasks = batch.find_submissions([str(folder)], ["lesson3"])
    graded = batch.grade_all(tasks, jobs=2, seed=11)
    check_scores(graded)
    check_summary(graded, tmp_path)
    check_result_files(graded, tmp_path)


def check_scores(graded_class):
    rows = {row.student: row for row in graded_class}
    assert sorted(rows) == sorted(CLASS)
    for student, (_, expected) in CLASS.items():
        row = rows[student]
        assert row.lesson == "lesson3" and row.max_score == 10
        assert row.score == expected, (student, row.score, row.message)
        assert row.status == ("missing" if student == "grace" else "graded"), (student, row.status)
        assert row.seed == 11
    for student, row in rows.items():
        assert (MESSAGES.get(student, "") in row.message) and bool(row.message) == (student in MESSAGES), (
            student, row.message)
    # The import that never ends is reported as such on every check, never against a function.
    assert {c.message for c in rows["leo"].result.checks} == {rows["leo"].result.problem}
    carol = {c.exercise: c.status for c in rows["carol"].result.checks if not c.passed}
    assert set(carol) == {"neural_network"} and "timeout" in carol.values()


def check_summary(graded_class, tmp_path):
    batch.write_csv(graded_class, tmp_path / "summary.csv")
    with open(tmp_path / "summary.csv", newline="") as f:
        lines = list(csv.DictReader(f))
    assert [line["student"] for line in lines] == sorted(CLASS)
    assert {line["student"]: float(line["score"]) for line in lines} == {s: round(float(e), 4) for s, (_, e) in CLASS.items()}
    assert all(line["max_score"] == "10" for line in lines)
    named = {line["student"]: line["misconceptions"] for line in lines}
    assert named["judy"] == "lesson3.ele_mul.ele_mul_fixed_buffer"
    assert all(named[s] == "" for s in CLASS if s not in ("judy", "carol", "dave", "erin", "ivan", "henry")), named
    mistakes = batch.common_mistakes(graded_class)
    assert "1 student, lesson3 ele_mul: the output starts as the slide's [0, 0, 0]" in " ".join(mistakes.split())
    assert max(len(line) for line in mistakes.splitlines()) <= 80
    table = batch.summary_table(graded_class)
    assert max(len(line) for line in table.splitlines()) <= 80
    assert table.splitlines()[0].split() == ["student", "lesson", "score", "max", "status"]
    assert "grace" in table and "missing" in table


def check_result_files(graded_class, tmp_path):
    written = batch.write_results(graded_class, tmp_path / "json")
    assert len(written) == len(CLASS)
    alice = json.loads((tmp_path / "json" / "alice" / "lesson3.json").read_text())
    assert alice["score"] == 10 and alice["student"] == "alice" and alice["tests"]
    grace = json.loads((tmp_path / "json" / "grace" / "lesson3.json").read_text())
    assert grace["status"] == "missing" and grace["score"] == 0 and grace["max_score"] == 10
    assert len(grace["tests"]) == 6 and all("no lesson3.py" in t["output"] for t in grace["tests"])
    batch.write_results(graded_class, tmp_path / "junit", "junit")
    for student in CLASS:  # every report, the ungraded ones included, is valid JUnit
        assert_valid_junit((tmp_path / "junit" / student / "lesson3.xml").read_text())
    suite = next(iter(JUnitXml.fromfile(str(tmp_path / "junit" / "henry" / "lesson3.xml"))))
    assert suite.name == "henry/lesson3" and suite.failures > 0
    batch.write_results(graded_class, tmp_path / "gs", "gradescope")
    dave = json.loads((tmp_path / "gs" / "dave" / "lesson3.gradescope.json").read_text())
    assert dave["score"] == 8 and dave["tests"]
    grace = json.loads((tmp_path / "gs" / "grace" / "lesson3.gradescope.json").read_text())
    assert grace["score"] == 0 and sum(t["max_score"] for t in grace["tests"]) == 10


def test_backstop_timeout_stops_one_submission_only(tmp_path):
    folder = make_class(tmp_path / "subs", {"slow": (with_override("lesson3", HANG_EVERYWHERE), 0),
                                            "alice": (solution_text("lesson3"), 10)})
    tasks = batch.find_submissions([str(folder)], ["lesson3"])
    rows = {row.student: row for row in batch.grade_all(tasks, jobs=2, timeout=8)}
    assert rows["slow"].status == "timeout" and rows["slow"].score == 0
    assert "--timeout" in rows["slow"].message
    assert rows["alice"].status == "graded" and rows["alice"].score == 10


def test_finding_submissions(tmp_path):
    make_class(tmp_path / "subs", {"ann": ("x = 1\n", 0), "ben": ("x = 2\n", 0)})
    (tmp_path / "subs" / "ann" / "lesson4.py").write_text("x = 3\n")
    found = [(t.student, t.lesson, t.path is not None) for t in batch.find_submissions([str(tmp_path / "subs")])]
    # Without --lesson, every lesson found for anyone is due from everyone (ben's lesson4 is missing).
    assert found == [("ann", "lesson3", True), ("ann", "lesson4", True), ("ben", "lesson3", True),
                     ("ben", "lesson4", False)]
    # A glob pattern, the shell's expansion of it, and one student's own folder.
    pattern = str(tmp_path / "subs" / "*" / "lesson3.py")
    assert [t.student for t in batch.find_submissions([pattern], ["lesson3"])] == ["ann", "ben"]
    files = [str(tmp_path / "subs" / s / "lesson3.py") for s in ("ann", "ben")]
    assert [t.student for t in batch.find_submissions(files)] == ["ann", "ben"]
    assert [(t.student, t.lesson) for t in batch.find_submissions([str(tmp_path / "subs" / "ann")], ["lesson4"])] \
        == [("ann", "lesson4")]
    # A flat folder of files named after students, for one lesson.
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "zoe.py").write_text("x = 1\n")
    assert [(t.student, t.lesson) for t in batch.find_submissions([str(tmp_path / "flat")], ["lesson3"])] \
        == [("zoe", "lesson3")]
    with pytest.raises(batch.BatchUsageError, match="which lesson"):
        batch.find_submissions([str(tmp_path / "flat" / "zoe.py")])
    with pytest.raises(batch.BatchUsageError, match="no file matches"):
        batch.find_submissions([str(tmp_path / "nothing" / "*.py")], ["lesson3"])


def test_usage_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["batch", str(tmp_path / "none*"), "--lesson", "lesson3"]).exit_code == 2
    result = runner.invoke(main, ["batch", str(tmp_path), "--lesson", "lesson99"])
    assert result.exit_code == 2 and "lesson99" in result.output
    assert runner.invoke(main, ["batch", str(tmp_path), "--lesson", "lesson3"]).exit_code == 2  # empty folder
    assert runner.invoke(main, ["batch"]).exit_code == 2


def test_batch_command_end_to_end(tmp_path):
    students = {k: CLASS[k] for k in ("alice", "henry", "grace")}
    make_class(tmp_path / "subs", students)
    proc = subprocess.run(
        [sys.executable, "-m", "autograder", "batch", "subs/*/lesson3.py", "subs", "--lesson", "lesson3",
         "--jobs", "2", "--out", "results", "--format", "junit", "--seed", "5"],
        cwd=tmp_path, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["student", "lesson", "score", "max", "status"]
    assert [line.split()[:4] for line in lines[2:5]] == [
        ["alice", "lesson3", "10", "10"], ["grace", "lesson3", "0", "10"], ["henry", "lesson3", "8", "10"]]
    assert "2 submissions graded" in proc.stdout and "1 missing" in proc.stdout
    with open(tmp_path / "results" / "summary.csv", newline="") as f:
        assert {r["student"]: r["status"] for r in csv.DictReader(f)} == {
            "alice": "graded", "grace": "missing", "henry": "graded"}
    xml = JUnitXml.fromfile(str(tmp_path / "results" / "alice" / "lesson3.xml"))
    assert xml.failures == 0 and xml.tests > 0


def test_fail_under_and_the_summary_in_out_and_csv(tmp_path):
    """A CI job fails a class below a pass mark; --out always holds the summary, and --csv
    writes it where asked as well."""
    students = {k: CLASS[k] for k in ("alice", "henry", "grace")}
    make_class(tmp_path / "subs", students)

    def batch_run(*extra):
        return subprocess.run([sys.executable, "-m", "autograder", "batch", "subs", "--lesson", "lesson3", "--jobs", "2",
                               "--seed", "5", "--quiet", *extra],
                              cwd=tmp_path, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})

    proc = batch_run("--out", "results", "--csv", "class.csv", "--fail-under", "8.5")
    assert proc.returncode == 1, proc.stderr
    assert "2 submissions below 8.5 points: grace lesson3 (0), henry lesson3 (8)" in proc.stderr
    for path in (tmp_path / "results" / "summary.csv", tmp_path / "class.csv"):
        with open(path, newline="") as f:
            assert {r["student"]: r["score"] for r in csv.DictReader(f)} == {"alice": "10", "grace": "0", "henry": "8"}
    assert batch_run("--fail-under", "0").returncode == 0
    assert batch_run("--fail-under", "-1").returncode == 2


def test_below_pass_mark():
    rows = [batch.Row("a", "lesson3", "", "graded", score=Fraction(17, 2)), batch.Row("b", "lesson3", "", "missing")]
    assert [r.student for r in batch.below_pass_mark(rows, 8.5)] == ["b"]
    assert batch.below_pass_mark(rows, None) == []
