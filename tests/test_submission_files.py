"""Files that are not a learner's Python text get a clear message, never a traceback or
a misleading one, and the file is read once by the grader (never opened by the sandbox)."""

from __future__ import annotations

import os

from autograder.grading.engine import grade
from autograder.sandbox import MAX_SOURCE


def _problem(path):
    result = grade("lesson3", path, seed=1)
    assert result.score == 0
    return result.problem


def test_a_symbolic_link_is_refused(tmp_path):
    real = tmp_path / "real.py"
    real.write_text("def w_sum(a, b):\n    return 0\n")
    link = tmp_path / "lesson3.py"
    link.symlink_to(real)
    assert "symbolic link" in _problem(link)


def test_a_fifo_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "lesson3.py"
    os.mkfifo(fifo)
    assert "not a regular file" in _problem(fifo)


def test_nul_bytes_mean_not_a_text_file(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_bytes(b"def w_sum(a, b):\n    return 0\n\0\0\0")
    problem = _problem(path)
    assert "not a text file" in problem and "line None" not in problem


def test_a_file_too_large_is_refused_unread(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_text("# padding\n" * (MAX_SOURCE // 10 + 1))
    assert "may be at most 1 MB" in _problem(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_bytes(b"def w_sum(a, b):\n    return '\xff\xfe'\n")
    assert "not UTF-8" in _problem(path)


def test_absurd_nesting_is_said(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_text("x = " + "(" * 5000 + "1" + ")" * 5000 + "\n")
    problem = _problem(path)
    assert problem and "grader itself" not in problem


def test_an_answer_too_large_is_said_as_such_not_as_an_exception(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_text("import numpy as np\n\ndef w_sum(a, b):\n    return np.zeros(2_000_000)\n")
    result = grade("lesson3", path, seed=1)
    check = next(c for c in result.checks if c.exercise == "w_sum" and not c.passed)
    assert "returned an answer larger than 8 MB" in check.message and "raised" not in check.message
    assert "w_sum(" in check.message  # the call it came from
