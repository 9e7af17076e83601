"""`grade status` and `grade` alone: every lesson graded from the learner's files now."""

import os
import subprocess
import sys

from click.testing import CliRunner

from autograder import catalogue

from autograder.learner import status
from autograder.cli import main
from conftest import ROOT, solution_text, with_override

BROKEN_TRAINING = "def train_neuron(inputs, outputs, weights, iterations):\n    return weights\n"


def make_folder(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "lesson3.py").write_text(solution_text("lesson3"))  # complete
    (folder / "lesson11.py").write_text((ROOT / "exercises" / "lesson11.py").read_text())  # untouched stub
    (folder / "neuron.py").write_text(with_override("neuron", BROKEN_TRAINING))  # half done
    return folder


def test_status_grades_every_lesson_file(tmp_path):
    folder = make_folder(tmp_path)
    found = {s.lesson: s for s in status.collect(folder, seed=5)}
    assert list(found) == list(catalogue.lessons())

    assert found["lesson3"].complete and found["lesson3"].score == catalogue.lesson("lesson3").max_score
    neuron = found["neuron"]
    assert (neuron.state, neuron.done, neuron.total, neuron.next_exercise) == ("graded", 1, 2, "train_neuron")
    assert 0 < neuron.score < neuron.max_score
    stub = found["lesson11"]
    assert (stub.state, stub.done, stub.score, stub.next_exercise) == ("graded", 0, 0, "sentence_encoding")
    for name in set(catalogue.lessons()) - {"lesson3", "lesson11", "neuron"}:
        assert found[name].state == "no file"

    text = status.render(list(found.values()), width=80, folder=folder)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "no file" in text and "train_neuron" in text and "complete" in text
    assert "Next: sentence_encoding of lesson11" in " ".join(text.split())


def test_a_changed_stub_is_graded_not_assumed(tmp_path):
    folder = tmp_path / "exercises"
    folder.mkdir()
    stub = (ROOT / "exercises" / "neuron.py").read_text()
    (folder / "neuron.py").write_text(stub + "\n\ndef think(inputs, weights):\n    return 1 / (1 + __import__('numpy')"
                                      ".exp(-__import__('numpy').dot(inputs, weights)))\n")
    (found,) = [s for s in status.collect(folder, seed=5) if s.lesson == "neuron"]
    assert (found.done, found.next_exercise) == (1, "train_neuron")


def test_status_command_and_bare_grade(tmp_path):
    folder = make_folder(tmp_path)
    result = CliRunner().invoke(main, ["status", "--folder", str(folder)], env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 1, result.output  # not every lesson is complete
    assert "lesson3" in result.output and "10/10" in result.output and "1/2" in result.output

    # `grade` alone, as a learner types it in the kit's folder: the same table.
    (tmp_path / "exercises" / "lesson3.py").unlink()
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80", GROKKING_NO_HISTORY="1",
               GROKKING_STATE_DIR=str(tmp_path / "state"))
    proc = subprocess.run([sys.executable, "-m", "autograder"], cwd=tmp_path, capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.split()[:1] == ["lesson3"] and "no file" in line for line in lines), proc.stdout
    assert any(line.split()[:1] == ["neuron"] and "train_neuron" in line for line in lines), proc.stdout
    assert "\033[" not in proc.stdout and max(len(line) for line in lines) <= 80


def test_status_shows_the_history_of_attempts(tmp_path, monkeypatch):
    from autograder.learner import history
    from autograder.grading.engine import grade

    monkeypatch.setenv("GROKKING_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("GROKKING_NO_HISTORY", raising=False)
    folder = make_folder(tmp_path)
    statuses = status.collect(folder, seed=5)
    assert "History" not in status.render(statuses, width=80, folder=folder)  # nothing recorded yet

    history.record(grade("neuron", folder / "neuron.py", seed=5), at=10.0)  # think passes, train_neuron not
    history.record(grade("lesson3", folder / "lesson3.py", seed=5), at=20.0)  # all six on the first try
    text = " ".join(status.render(statuses, width=80, folder=folder).split())
    assert "History: 7 of the 8 exercises you tried have passed, 7 on the first try (8 tries in all;" in text
    assert "`grade drill` asks for think of neuron, passed longest ago." in text
    assert status.collect(folder, seed=5) and len(history.summary()) == 8  # looking is not an attempt
