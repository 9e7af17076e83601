"""`grade lessonN --watch`: a real file change regrades; Ctrl-C stops cleanly."""

import os
import signal
import subprocess
import sys
import threading
import time

from autograder.learner import watch
from conftest import ROOT, grade_text, solution_text

TIMEOUT = 180


class Running:
    """A `grade` process whose output is read as it comes."""

    def __init__(self, args, cwd, env):
        self.proc = subprocess.Popen([sys.executable, "-m", "autograder", *args], cwd=cwd, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.out = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.out.append(line)

    @property
    def text(self):
        return "".join(self.out)

    def wait_for(self, needle, count=1):
        deadline = time.monotonic() + TIMEOUT
        while self.text.count(needle) < count:
            assert self.proc.poll() is None or self.text.count(needle) >= count, (self.text, self.proc.stderr.read())
            assert time.monotonic() < deadline, "no %r in %r" % (needle, self.text)
            time.sleep(0.05)

    def finish(self):
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        self.reader.join(timeout=10)
        return code, self.text, self.proc.stderr.read()


def learner_folder(tmp_path):
    (tmp_path / "exercises").mkdir()
    path = tmp_path / "exercises" / "neuron.py"
    path.write_text((ROOT / "exercises" / "neuron.py").read_text())
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80", GROKKING_NO_HISTORY="1",
               GROKKING_STATE_DIR=str(tmp_path / "state"))
    return path, env


def test_saving_the_file_regrades_it(tmp_path):
    path, env = learner_folder(tmp_path)
    run = Running(["neuron", "--watch", "--max-rounds", "2", "--seed", "4"], tmp_path, env)
    run.wait_for("Watching exercises/neuron.py")
    first = run.text
    assert "Total: 0 / 6 points" in first
    assert "Next to fix: think" in first and "not written yet" in first
    assert "Hint 1:" in first  # the first failing exercise comes with its hint

    path.write_text(solution_text("neuron"))  # the learner saves a finished file
    code, out, err = run.finish()
    assert code == 0, err
    second = out[len(first):]
    assert "Total: 6 / 6 points" in second and "full marks" in second
    assert "\033[" not in out  # no colour, no screen clearing off a terminal
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Traceback" not in err


def test_grade_watch_lesson_form_and_ctrl_c(tmp_path):
    path, env = learner_folder(tmp_path)
    run = Running(["--watch", "neuron", "--seed", "4"], tmp_path, env)
    run.wait_for("Watching exercises/neuron.py")
    run.proc.send_signal(signal.SIGINT)
    code, out, err = run.finish()
    assert "Stopped watching exercises/neuron.py." in out
    assert code == 1  # the last grading lost points
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_watching_a_missing_file_is_a_usage_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "autograder", "neuron", "--watch"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=TIMEOUT,
                          env=dict(os.environ, NO_COLOR="1", GROKKING_NO_HISTORY="1"))
    assert proc.returncode == 2 and "not found" in proc.stderr


def test_a_save_is_seen_even_with_the_same_size_and_time(tmp_path):
    path = tmp_path / "f.py"
    path.write_text("x = 1\n")
    before = watch.signature(path)
    stat = path.stat()
    path.write_text("x = 2\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert watch.signature(path) != before
    assert watch.signature(tmp_path / "missing.py") is None


def test_one_round_names_the_first_failing_exercise_in_course_order(tmp_path, monkeypatch):
    monkeypatch.setenv("GROKKING_STATE_DIR", str(tmp_path / "state"))
    text = solution_text("lesson11") + (
        "\n\ndef analogy(positive, negative, word2index, weights):\n    return []\n"
        "\n\ndef similar(word, word2index, weights):\n    return []\n")
    result = grade_text(tmp_path, "lesson11", text)
    screen = watch.render_round(result, width=80, when="12:00:00")
    assert "Next to fix: similar" in screen  # similar comes before analogy in the lesson
    assert "Hint 1:" in screen
    assert max(len(line) for line in screen.splitlines()) <= 80


def test_drill_watch_regrades_the_drill_at_each_save(tmp_path, monkeypatch):
    """`grade drill --watch`: a new drill's file, graded at once and again when saved."""
    from autograder.learner import history, practice

    path, env = learner_folder(tmp_path)
    path.write_text(solution_text("neuron"))
    del env["GROKKING_NO_HISTORY"]
    graded = subprocess.run([sys.executable, "-m", "autograder", "neuron"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert graded.returncode == 0, graded.stdout + graded.stderr  # both exercises passed: a drill can start
    run = Running(["drill", "--lesson", "neuron", "--watch", "--max-rounds", "2"], tmp_path, env)
    run.wait_for("Watching drill/neuron_")
    first = run.text
    assert "Drill: write" in first and "Total: 0 /" in first and "not written yet" in first
    exercise = first.split("Drill: write ", 1)[1].split()[0]
    drill = tmp_path / "drill" / ("neuron_%s.py" % exercise)
    text = drill.read_text()
    blank = practice.function_source(text, exercise)
    drill.write_text(text.replace(blank, practice.function_source(solution_text("neuron"), exercise)))
    code, out, err = run.finish()
    assert code == 0, (out, err)
    assert "%s passes, written from memory" % exercise in " ".join(out[len(first):].split())
    assert "Traceback" not in err
    # Each graded save is a try of the drill: the grade, the blank drill, the written one.
    monkeypatch.setenv("GROKKING_STATE_DIR", env["GROKKING_STATE_DIR"])
    rows = {h.exercise: h for h in history.summary()}
    assert rows[exercise].tries == 3 and rows[exercise].passing_now
