"""Practising from memory: reset never loses a learner's file; drills pick the exercise
passed longest ago; the history counts tries."""

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder.learner import history, practice
from autograder.cli import main
from autograder.grading.engine import grade
from conftest import ROOT, solution_text


@pytest.fixture
def state(tmp_path, monkeypatch):
    monkeypatch.setenv("GROKKING_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("GROKKING_NO_HISTORY", raising=False)
    return tmp_path / "state"


@pytest.fixture
def learner(tmp_path, monkeypatch):
    """A learner's folder whose lesson3 file has their own work in it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "lesson3.py"
    path.write_text(solution_text("lesson3") + "\n# my own notes\n")
    return path


def test_reset_one_exercise_keeps_the_rest_and_a_backup(learner, state):
    before = learner.read_text()
    saved, path = practice.reset("lesson3", "w_sum", learner, now=0)
    assert saved.read_text() == before  # nothing the learner wrote is lost
    after = path.read_text()
    assert 'raise NotImplementedError("write w_sum")' in after
    assert "# my own notes" in after and "def ele_mul" in after
    assert after.count("def w_sum") == 1
    result = grade("lesson3", path, seed=1)
    scores = result.exercises()
    assert scores["w_sum"][0] == 0 and scores["ele_mul"][0] == scores["ele_mul"][1]


def test_reset_backup_name_already_taken(learner, state):
    first, _ = practice.reset("lesson3", None, learner, now=0)
    learner.write_text("# second version\n")
    second, _ = practice.reset("lesson3", None, learner, now=0)  # same second: same timestamp
    learner.write_text("# third version\n")
    third, _ = practice.reset("lesson3", None, learner, now=0)
    assert len({first, second, third}) == 3
    assert second.read_text() == "# second version\n" and third.read_text() == "# third version\n"
    assert "# my own notes" in first.read_text()


def test_reset_whole_file_and_missing_file(learner, state):
    practice.reset("lesson3", None, learner)
    assert learner.read_text() == (ROOT / "exercises" / "lesson3.py").read_text()
    learner.unlink()
    saved, path = practice.reset("lesson3", None, learner)
    assert saved is None and path.read_text() == (ROOT / "exercises" / "lesson3.py").read_text()


def test_reset_of_a_file_with_a_syntax_error_keeps_it(learner, state):
    learner.write_text("def w_sum(a, b)\n    return 0\n")
    with pytest.raises(practice.PracticeError, match="syntax error on line 1"):
        practice.reset("lesson3", "w_sum", learner)
    backups = list(learner.parent.glob("lesson3.py.*.bak"))
    assert backups and backups[0].read_text() == "def w_sum(a, b)\n    return 0\n"


def test_reset_command(learner, state):
    out = CliRunner().invoke(main, ["reset", "lesson3", "ele_mul"])
    assert out.exit_code == 0, out.output
    assert "saved as" in out.output and "lesson3.py." in out.output
    assert CliRunner().invoke(main, ["reset", "lesson3", "nope"]).exit_code == 2


def test_history_counts_tries_and_first_try(learner, state):
    wrong = learner.parent / "wrong.py"
    wrong.write_text(solution_text("lesson3") + "\ndef w_sum(a, b):\n    return 0.0\n")
    history.record(grade("lesson3", wrong, seed=1), at=1.0)
    history.record(grade("lesson3", learner, seed=1), at=2.0)
    rows = {h.exercise: h for h in history.summary()}
    assert rows["w_sum"].tries == 2 and rows["w_sum"].tries_to_pass == 2 and not rows["w_sum"].first_try
    assert rows["ele_mul"].first_try and rows["ele_mul"].last_passed == 2.0
    out = CliRunner().invoke(main, ["history"])
    assert "w_sum" in out.output and "tries" in out.output
    assert history.clear() and history.summary() == []


def test_grading_own_file_records_history(learner, state):
    CliRunner().invoke(main, ["lesson3"])
    assert {h.exercise for h in history.summary()} >= {"w_sum", "ele_mul"}


def test_drill_picks_the_exercise_passed_longest_ago(learner, state):
    result = grade("lesson3", learner, seed=1)
    history.record(result, at=10.0)
    wrong = learner.parent / "wrong.py"
    wrong.write_text(solution_text("lesson3") + "\ndef w_sum(a, b):\n    return 0.0\n")
    history.record(grade("lesson3", wrong, seed=1), at=20.0)  # every other exercise passed again at 20
    assert practice.pick_drill() == ("lesson3", "w_sum")  # its last pass was at 10
    out = CliRunner().invoke(main, ["drill"])
    assert out.exit_code == 0, out.output
    drill = Path("drill") / "lesson3_w_sum.py"
    assert drill.is_file() and 'raise NotImplementedError("write w_sum")' in drill.read_text()
    checked = CliRunner().invoke(main, ["drill", "--check"])
    assert checked.exit_code == 1 and "w_sum" in checked.output
    drill.write_text(drill.read_text().replace('raise NotImplementedError("write w_sum")',
                                               "assert len(a) == len(b)\n    return sum(x * y for x, y in zip(a, b))"))
    checked = CliRunner().invoke(main, ["drill", "--check"])
    assert checked.exit_code == 0, checked.output


def test_drill_file_carries_the_learners_own_helpers(learner, state):
    path = practice.start_drill("lesson3", "stacked_network", learner.parent / "drill", learner)
    text = path.read_text()
    assert "# Your vect_mat_mul" in text and "# Your w_sum" in text
    assert 'raise NotImplementedError("write stacked_network")' in text
    result = grade("lesson3", path, exercises=["stacked_network"])
    assert result.score == 0 and {c.exercise for c in result.checks} == {"stacked_network"}


def test_drill_without_history_explains(learner, state):
    out = CliRunner().invoke(main, ["drill"])
    assert out.exit_code == 2 and "no exercise passed yet" in out.output
