"""Progressive hints: one more each time they are asked for, remembered per exercise in
the learner's data folder, forgotten when the exercise passes; never the code itself."""

import json
import re
from fractions import Fraction

import pytest
from click.testing import CliRunner

from autograder import catalogue

from autograder.learner import hints
from autograder.cli import main
from autograder.grading.results import CheckRecord, LessonResult
from conftest import ROOT, solution_text

OWN_LESSONS = ["lesson11", "neuron"]


@pytest.fixture
def state(tmp_path, monkeypatch):
    folder = tmp_path / "state"
    monkeypatch.setenv("GROKKING_STATE_DIR", str(folder))
    monkeypatch.setenv("GROKKING_NO_HISTORY", "1")
    return folder


def fake_result(lesson, failing):
    checks = [CheckRecord(name="c_%s" % e.name, exercise=e.name, source="randomized case", max_score=Fraction(1),
                          status="failed" if e.name in failing else "passed")
              for e in catalogue.lesson(lesson).exercises]
    return LessonResult(lesson=lesson, title="t", submission="x.py", seed=1, checks=checks)


def test_levels_grow_one_at_a_time_and_are_capped(state):
    result = fake_result("lesson11", {"similar", "analogy"})
    assert hints.next_levels(result, 1) == {"similar": 1, "analogy": 1}
    assert hints.next_levels(result, 1) == {"similar": 2, "analogy": 2}
    total = len(catalogue.lesson("lesson11").exercise("similar").hints)
    for _ in range(5):
        shown = hints.next_levels(result, 1)
    assert shown["similar"] == total  # never more hints than there are
    saved = json.loads((state / "hints.json").read_text())
    assert saved == {"lesson11": {"similar": total, "analogy": total}}


def test_asking_for_more_jumps_and_passing_forgets(state):
    assert hints.next_levels(fake_result("neuron", {"think", "train_neuron"}), 1) == {"think": 1, "train_neuron": 1}
    assert hints.next_levels(fake_result("neuron", {"train_neuron"}), 3) == {"train_neuron": 3}
    assert hints.level("neuron", "think") == 0  # think passed: its hints start again
    assert hints.level("neuron", "train_neuron") == 3
    hints.forget("neuron")
    assert hints.level("neuron", "train_neuron") == 0


def test_a_damaged_file_counts_as_empty(state):
    state.mkdir(parents=True)
    (state / "hints.json").write_text("{not json")
    assert hints.load() == {}
    assert hints.next_levels(fake_result("neuron", {"think"}), 1) == {"think": 1}


def test_grade_hint_twice_shows_the_next_hint(state, tmp_path, monkeypatch):
    work = tmp_path / "work"
    (work / "exercises").mkdir(parents=True)
    (work / "exercises" / "neuron.py").write_text((ROOT / "exercises" / "neuron.py").read_text())
    monkeypatch.chdir(work)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    train_hints = catalogue.lesson("neuron").exercise("train_neuron").hints

    def words(text):
        return " ".join(text.split())

    runner = CliRunner()
    first = runner.invoke(main, ["neuron", "--hint", "--seed", "3"])
    assert first.exit_code == 1, first.output
    assert words(train_hints[0]) in words(first.output)
    assert words(train_hints[1]) not in words(first.output)
    assert "hint 1 of %d; --hint again shows the next" % len(train_hints) in first.output

    second = runner.invoke(main, ["neuron", "--hint", "--seed", "3"])
    assert words(train_hints[1]) in words(second.output)
    assert words(train_hints[2]) not in words(second.output)
    assert hints.level("neuron", "train_neuron") == 2

    everything = runner.invoke(main, ["neuron", "--hint", "3", "--seed", "3"])
    assert all(words(h) in words(everything.output) for h in train_hints)
    assert max(len(line) for line in everything.output.splitlines()) <= 80
    assert "\033[" not in everything.output

    # Another file (--submission) is not the learner's own: nothing is remembered for it.
    hints.forget()
    other = runner.invoke(main, ["neuron", "--hint", "-s", "exercises/neuron.py", "--seed", "3"])
    assert words(train_hints[0]) in words(other.output)
    assert hints.level("neuron", "train_neuron") == 0


@pytest.mark.parametrize("lesson", OWN_LESSONS)
def test_hints_never_give_the_code_away(lesson):
    code_lines = [line.strip() for line in solution_text(lesson).splitlines()
                  if len(line.strip()) > 16 and not line.strip().startswith(("#", ">>>", "...", '"""'))
                  and re.search(r"[=(\[]", line)]
    for exercise in catalogue.lesson(lesson).exercises:
        assert exercise.hints, exercise.name
        for hint in exercise.hints:
            for line in code_lines:
                assert line not in hint, (exercise.name, line)
