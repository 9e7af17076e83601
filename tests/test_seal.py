"""The seal: learners' code cannot borrow the answers, touch the kit, classmates or results,
outlive its grade, or read the grader's secrets, in any grading mode.

Each attack is a small lesson3 file that implements nothing itself: whatever it manages
shows as points it should not have, files that changed, or processes left behind. Every
attack runs through the engine (what ``grade lessonN``, drills and ``--watch`` call), and
the ones aimed at other students or at results through ``grade batch``, Gradescope's
``run_autograder`` step and the nbgrader course's steps as well. These tests run as root
(learners' code runs as uid 65534 in namespaces) and as an unprivileged user (in a user
namespace); on a host that cannot seal at all they are skipped, and `grade doctor` says why.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder import sandbox
from autograder.grading.engine import grade
from conftest import ROOT

pytestmark = pytest.mark.seal

KIT = ROOT / "autograder"
LESSON = "lesson3"


def _isolation():
    try:
        return sandbox.probe()
    except sandbox.SealUnavailable as exc:
        return "process only: %s" % exc


ISOLATION = _isolation()
if not ISOLATION.startswith("sealed"):
    pytest.skip("this host cannot seal learners' code: %s" % ISOLATION, allow_module_level=True)


def _fingerprint(*folders):
    digest = {}
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


def _tagged(tag):
    """Processes of the host whose name is ``tag`` (attacks name theirs, with prctl)."""
    time.sleep(0.3)
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/comm" % entry) as f:
                    if f.read().strip() == tag:
                        found.append(int(entry))
            except OSError:
                pass
    return found


# Attacks name their processes, so that a test can look for them on the host afterwards.
TAG = r'''
import ctypes as _ctypes
def _tag():
    _ctypes.CDLL(None).prctl(15, b"__TAG__", 0, 0, 0)
'''


STEAL = r'''
import os, sys, glob

def _steal():
    """Look for lesson3's reference everywhere a learner could think of."""
    places = set()
    here = os.path.dirname(os.path.abspath(__file__))
    places.update([here, os.getcwd(), "/", "/tmp", "/root", "/home", "/work", "/srv", "/opt", "/autograder"])
    places.update(p for p in sys.path if p)
    for mod in list(sys.modules.values()):
        f = getattr(mod, "__file__", None) or ""
        if f:
            places.add(os.path.dirname(f))
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if pid.isdigit():
            for what in ("cwd", "root"):
                places.add("/proc/%s/%s" % (pid, what))
            try:
                for arg in open("/proc/%s/cmdline" % pid, "rb").read().split(b"\0"):
                    arg = arg.decode(errors="replace")
                    if arg.startswith("/"):
                        places.add(os.path.dirname(arg))
            except OSError:
                pass
    places.add(__KIT_PARENT__)
    for place in sorted(places):
        base = place
        for _ in range(6):
            for candidate in ("solutions/lesson3.py", "autograder/_solutions/lesson3.py", "_solutions/lesson3.py",
                              "lib/python3.11/site-packages/autograder/_solutions/lesson3.py"):
                path = os.path.join(base, candidate)
                try:
                    with open(path) as f:
                        return f.read()
                except OSError:
                    pass
            base = os.path.dirname(base)
        for path in glob.glob(os.path.join(place, "**", "lesson3.py"), recursive=False):
            try:
                text = open(path).read()
            except OSError:
                continue
            if "def w_sum" in text and "NotImplementedError" not in text:
                return text
    return None

_stolen = _steal()
if _stolen:
    exec(_stolen)
else:
    def w_sum(a, b):
        raise NotImplementedError
'''


def _write(tmp_path, name, text, **subs):
    for key, value in subs.items():
        text = text.replace(key, value)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_isolation_is_said(tmp_path):
    path = _write(tmp_path, "lesson3.py", "def w_sum(a, b):\n    return 0\n")
    result = grade(LESSON, path, seed=1)
    assert result.isolation.startswith("sealed:") and "mount" in result.isolation and "pid" in result.isolation
    assert result.to_json()["isolation"] == result.isolation
    print(result.isolation)  # shown in CI's log: which isolation was in force


def test_answers_cannot_be_borrowed(tmp_path):
    path = _write(tmp_path, "lesson3.py", STEAL, __KIT_PARENT__=repr(str(ROOT)))
    result = grade(LESSON, path, seed=1)
    assert result.score == 0, "an attack found the answers: %s" % result.score


def test_the_kit_cannot_be_backdoored_and_the_report_stays_honest(tmp_path):
    before = _fingerprint(KIT, ROOT / "solutions")
    attack = r'''
import os
for target in (__TARGETS__):
    try:
        with open(target, "a") as f:
            f.write("\nimport autograder.grading.results as r; r.CheckRecord.passed = property(lambda s: True)\n")
    except OSError:
        pass
'''
    targets = ", ".join(repr(str(p)) for p in (KIT / "report.py", KIT / "formats.py", KIT / "graders" / "test_lesson3.py",
                                                KIT / "grading" / "results.py")) + ","
    path = _write(tmp_path, "lesson3.py", attack, __TARGETS__=targets)
    done = subprocess.run([sys.executable, "-m", "autograder.cli", LESSON, "--submission", str(path), "--format",
                           "json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["score"] == 0
    assert _fingerprint(KIT, ROOT / "solutions") == before


def test_the_grader_output_cannot_be_forged_nor_the_grader_killed(tmp_path):
    attack = r'''
import json, os, signal
forged = json.dumps({"lesson": "lesson3", "score": 10, "max_score": 10, "tests": []})
for pid in [p for p in os.listdir("/proc") if p.isdigit()] + [str(os.getppid())]:
    for fd in ("1", "2"):
        try:
            with open("/proc/%s/fd/%s" % (pid, fd), "w") as out:
                out.write(forged + "\n")
        except OSError:
            pass
for pid in range(2, 4000):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
'''
    path = _write(tmp_path, "lesson3.py", attack)
    done = subprocess.run([sys.executable, "-m", "autograder.cli", LESSON, "--submission", str(path), "--format",
                           "json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1
    report = json.loads(done.stdout)  # exactly one object, the grader's own
    assert report["score"] == 0 and report["max_score"] == 10 and report["tests"]


DAEMON = TAG + r'''
import os, time
def _daemon(target):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            _tag()
            for _ in range(40):
                time.sleep(0.1)
                for path in target:
                    try:
                        with open(path, "w") as f:
                            f.write('{"score": 10}')
                    except OSError:
                        pass
            os._exit(0)
        os._exit(0)
_daemon(__TARGETS__)
import signal
if os.fork() == 0:  # one that cannot be stopped politely
    _tag()
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, signal.SIG_IGN)
    while True:
        time.sleep(1)
'''


def test_no_process_outlives_the_grade_nor_rewrites_results(tmp_path):
    results = tmp_path / "results.json"
    tag = "seal%d" % os.getpid()
    path = _write(tmp_path, "lesson3.py", DAEMON, __TARGETS__=repr([str(results), "/tmp/forged-%d.json" % os.getpid()]), __TAG__=tag)
    done = subprocess.run([sys.executable, "-m", "autograder.cli", LESSON, "--submission", str(path), "--format",
                           "json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    results.write_text(done.stdout)
    written = results.read_text()
    assert not _tagged(tag)
    time.sleep(2)
    assert results.read_text() == written and json.loads(written)["score"] == 0
    assert not Path("/tmp/forged-%d.json" % os.getpid()).exists()


def test_daemons_cannot_rewrite_gradescope_results_nor_the_history(tmp_path):
    """The learner's own exercises/ file, graded by `grade lesson3` (its attempts go to the
    history), and the same file on Gradescope: a daemon aimed at results.json and at the
    history finds neither, and is gone."""
    from autograder.ci import gradescope

    state = tmp_path / "state"
    results = tmp_path / "results" / "results.json"
    tag = "gs%d" % os.getpid()
    attack = DAEMON.replace("__TARGETS__", repr([str(results), str(state / "history.sqlite")])).replace(
        "__TAG__", tag)
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "lesson3.py").write_text(attack)
    env = dict(os.environ, GROKKING_STATE_DIR=str(state))
    done = subprocess.run([sys.executable, "-m", "autograder.cli", LESSON], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    history = (state / "history.sqlite").read_bytes()
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "lesson3.py").write_text(attack)
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"lessons": [LESSON], "files": {LESSON: "lesson3.py"}, "visibility": "visible"}))
    assert gradescope.run(config, submission, results, echo=lambda line: None) == 0
    written = results.read_text()
    assert not _tagged(tag)
    time.sleep(2)
    assert results.read_text() == written and json.loads(written)["score"] == 0
    assert (state / "history.sqlite").read_bytes() == history


def test_fork_and_disk_bombs_are_contained(tmp_path):
    attack = TAG + r'''
import os
children = 0
for _ in range(2000):
    try:
        if os.fork() == 0:
            _tag()
            import time
            time.sleep(30)
            os._exit(0)
        children += 1
    except OSError:
        break
written = 0
try:
    with open("/tmp/filler", "wb") as f:
        for _ in range(400):
            f.write(b"x" * 2**20)
            written += 1
except OSError:
    pass
def w_sum(a, b):
    return [children, written]
'''
    tag = "bomb%d" % os.getpid()
    path = _write(tmp_path, "lesson3.py", attack, __TAG__=tag)
    host_tmp = set(os.listdir("/tmp"))
    result = grade(LESSON, path, seed=1)
    children, written = next(c for c in result.checks if c.exercise == "w_sum").calls[0][2].value
    assert children < 20, "the fork bomb made %d processes" % children
    assert written <= sandbox.policy.scratch_mb, "the disk filler wrote %d MB" % written
    assert not _tagged(tag)
    assert not [n for n in set(os.listdir("/tmp")) - host_tmp if "filler" in n]


def test_secrets_of_the_environment_stay_out(tmp_path, monkeypatch):
    monkeypatch.setenv("CI_JOB_TOKEN", "s3cret-token-value")
    attack = r'''
import os
def w_sum(a, b):
    found = dict(os.environ)
    for pid in os.listdir("/proc") if os.path.isdir("/proc") else []:
        try:
            found[pid] = open("/proc/%s/environ" % pid, "rb").read().decode(errors="replace")
        except OSError:
            pass
    return repr(found)
'''
    path = _write(tmp_path, "lesson3.py", attack)
    result = grade(LESSON, path, seed=1)
    seen = " ".join(str(outcome.value) for c in result.checks for _, _, outcome in c.calls)
    assert "w_sum" in {c.exercise for c in result.checks} and seen
    assert "s3cret-token-value" not in seen


def test_a_batch_keeps_classmates_and_the_kit_safe(tmp_path):
    """One submission replaces its classmates' files, plants a backdoor in a grader, freezes
    every process it can see and leaves a daemon; the classmates graded after it keep their
    marks and their files, the kit is unchanged, the results are the grader's."""
    from click.testing import CliRunner

    from autograder.ci.batch import command

    subs = tmp_path / "subs"
    correct = (ROOT / "solutions" / "lesson3.py").read_text()
    for student in ("bob", "cat"):
        (subs / student).mkdir(parents=True)
        (subs / student / "lesson3.py").write_text(correct)
    attack = r'''
import os, signal
stub = "def w_sum(a, b):\n    raise NotImplementedError\n"
for target in __TARGETS__:
    try:
        with open(target, "w") as f:
            f.write(stub)
    except OSError:
        pass
for pid in range(2, 100000):
    try:
        os.kill(pid, signal.SIGSTOP)
    except OSError:
        pass
''' + DAEMON
    targets = [str(subs / s / "lesson3.py") for s in ("bob", "cat")] + [str(KIT / "graders" / "test_lesson3.py")]
    out = tmp_path / "results"
    (subs / "al").mkdir()
    tag = "batch%d" % os.getpid()
    _write(subs / "al", "lesson3.py", attack, __TAG__=tag,
           __TARGETS__=repr(targets + [str(out / "bob" / "lesson3.json"), str(out / "summary.csv")]))
    before = _fingerprint(KIT, ROOT / "solutions")
    done = CliRunner().invoke(command, [str(subs), "-l", LESSON, "--jobs", "1", "--out", str(out), "--quiet",
                                        "--no-progress"])
    assert done.exit_code == 0, done.output
    assert not _tagged(tag)
    rows = {r.split(",")[0]: r.split(",") for r in (out / "summary.csv").read_text().splitlines()[1:]}
    assert float(rows["bob"][2]) == 10 and float(rows["cat"][2]) == 10 and float(rows["al"][2]) == 0
    summary = (out / "summary.csv").read_text()
    time.sleep(2)
    assert (out / "summary.csv").read_text() == summary
    assert json.loads((out / "bob" / "lesson3.json").read_text())["score"] == 10
    assert (subs / "bob" / "lesson3.py").read_text() == correct
    assert _fingerprint(KIT, ROOT / "solutions") == before


def test_gradescope_run_is_sealed(tmp_path):
    from autograder.ci import gradescope

    submission = tmp_path / "submission"
    submission.mkdir()
    _write(submission, "lesson3.py", STEAL, __KIT_PARENT__=repr(str(ROOT)))
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"lessons": [LESSON], "files": {LESSON: "lesson3.py"}, "visibility": "visible"}))
    results = tmp_path / "results" / "results.json"
    log = []
    assert gradescope.run(config, submission, results, echo=log.append) == 0
    assert json.loads(results.read_text())["score"] == 0
    assert any(line.startswith("learners' code ran sealed") for line in log)


def test_notebook_cells_run_sealed(tmp_path):
    """The nbgrader course's steps: the graded code (KitGrade) and the cells run for
    their outputs (KitExecute) cannot reach the gradebook, the course or the graders."""
    from autograder.instructor.cells import run_cells
    from autograder.instructor.regrade import grade_code

    gradebook = tmp_path / "gradebook.db"
    gradebook.write_bytes(b"SQLite format 3\0")
    config = tmp_path / "nbgrader_config.py"
    config.write_text("c = get_config()\n")
    cell = ("import os\nhits = []\nfor t in (%r, %r, %r):\n    try:\n        open(t, 'a').write('x')\n"
            "        hits.append(t)\n    except OSError:\n        pass\nprint(hits)\n") % (
        str(gradebook), str(config), str(KIT / "graders" / "test_lesson3.py"))
    before = _fingerprint(KIT) | {str(gradebook): gradebook.read_bytes(), str(config): config.read_text()}
    ran = run_cells([cell])
    assert ran[0]["stdout"].strip() == "[]"
    result = grade_code(LESSON, cell + "\n" + STEAL.replace("__KIT_PARENT__", repr(str(ROOT))), seed=1)
    assert result.score == 0
    after = _fingerprint(KIT) | {str(gradebook): gradebook.read_bytes(), str(config): config.read_text()}
    assert after == before
