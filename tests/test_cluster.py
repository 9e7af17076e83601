"""A class graded on a Dask cluster gets the local pool's scores, a dead worker costs no
result, and ``--out`` is a checkpoint: an interrupted batch, run again, grades only the rest.

The cluster tests start a real scheduler and workers on 127.0.0.1 as processes of the
test (``dask scheduler``, ``dask worker``) and end them; they are marked ``slow``."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from autograder import __version__

from autograder.ci import batch, checkpoint
from autograder.cli import main
from conftest import solution_text, with_override
from test_batch import CLASS, HANG_EVERYWHERE, make_class

SLOW_FILE = with_override("lesson3", HANG_EVERYWHERE)  # every exercise hangs: --timeout stops it


def run_batch(*args, cwd, wait=True):
    """``python -m autograder batch ARGS`` in ``cwd`` (its output, or the running process)."""
    command = [sys.executable, "-m", "autograder", "batch", *args]
    env = dict(os.environ, NO_COLOR="1")
    if not wait:
        return subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def summary(out_dir):
    with open(Path(out_dir) / "summary.csv", newline="") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


def records(out_dir):
    return sorted(p.parent.name for p in Path(out_dir).glob("*/.lesson3.checkpoint.json"))


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("waited %g s for %s" % (seconds, what))
        time.sleep(0.05)


def leftovers(out_dir):
    """Temporary files that an atomic write left behind (there must be none)."""
    return [p for p in Path(out_dir).rglob("*") if p.name.endswith(".tmp")]


def interrupt_and_rerun(tmp_path, *options):
    """Interrupt a batch once its first result is written, then run it again: the rerun
    grades only what the first run did not finish."""
    make_class(tmp_path / "subs", {"a_first": (solution_text("lesson3"), 10), "b_slow": (SLOW_FILE, 0),
                                   "c_last": CLASS["bob"]})
    args = ["subs", "-l", "lesson3", "--out", "results", "--seed", "3", "--timeout", "6", *options]
    proc = run_batch(*args, cwd=tmp_path, wait=False)
    import psutil

    try:
        wait_for(lambda: records(tmp_path / "results") or proc.poll() is not None, 120, "a first result")
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted" in err and "grades the rest" in err
    done = records(tmp_path / "results")
    assert "a_first" in done and "b_slow" not in done, done
    assert not leftovers(tmp_path / "results")
    # The run's grading processes (and a local cluster's workers) end with it.
    gone, alive = psutil.wait_procs(children, timeout=20)
    assert not alive, [p.cmdline() for p in alive]
    first = (tmp_path / "results" / "a_first" / "lesson3.json").stat().st_mtime_ns
    rerun = run_batch(*args, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "(%d of them by an earlier run" % len(done) in rerun.stdout + rerun.stderr
    assert (tmp_path / "results" / "a_first" / "lesson3.json").stat().st_mtime_ns == first
    rows = summary(tmp_path / "results")
    assert {s: (r["status"], r["score"]) for s, r in rows.items()} == {
        "a_first": ("graded", "10"), "b_slow": ("timeout", "0"), "c_last": ("graded", "0")}
    return rows


# ------------------------------------------------------------------ the checkpoint


def test_a_rerun_grades_only_what_changed(tmp_path):
    make_class(tmp_path / "subs", {k: CLASS[k] for k in ("alice", "henry", "grace")})
    args = ["batch", str(tmp_path / "subs"), "-l", "lesson3", "--out", str(tmp_path / "out"), "--jobs", "2"]
    runner = CliRunner()
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    rows = summary(tmp_path / "out")
    assert rows["alice"]["grader"] == batch.HOST and rows["grace"]["grader"] == ""
    assert records(tmp_path / "out") == ["alice", "henry"]  # a missing file is looked for again
    alice = tmp_path / "out" / "alice" / "lesson3.json"
    stamp = alice.stat().st_mtime_ns
    (tmp_path / "subs" / "henry" / "lesson3.py").write_text(solution_text("lesson3"))
    again = runner.invoke(main, args)
    assert "3 submissions graded" not in again.output and "(1 of them by an earlier run" in again.output
    assert alice.stat().st_mtime_ns == stamp
    rows = summary(tmp_path / "out")
    assert {s: r["score"] for s, r in rows.items()} == {"alice": "10", "henry": "10", "grace": "0"}
    assert json.loads(alice.read_text())["score"] == 10
    # Another seed, another format, a damaged record or --force: graded again.
    for extra in (["--seed", "4"], ["--format", "junit"], ["--force"]):
        assert "earlier run" not in runner.invoke(main, args + extra).output, extra
    (tmp_path / "out" / "alice" / ".lesson3.checkpoint.json").write_text("{not json")
    assert "(1 of them by an earlier run" in runner.invoke(main, args).output  # henry's kept, alice's regraded


def test_the_checkpoint_knows_the_kit_version(tmp_path, monkeypatch):
    task = batch.Task("ann", "lesson3", tmp_path / "lesson3.py", seed=7)
    task.path.write_text("x = 1\n")
    store = checkpoint.Checkpoint(tmp_path / "out")
    assert store.reuse([task]) == {}
    store.save(batch._row(task, "graded", seconds=1.0))
    assert [row.status for row in checkpoint.Checkpoint(tmp_path / "out").reuse([task]).values()] == ["graded"]
    store.save(batch._row(task, "error", message="the kit failed"))  # a regrade that failed: no record vouches
    assert checkpoint.Checkpoint(tmp_path / "out").reuse([task]) == {}  # for the error file that replaced it
    assert checkpoint.kit_version().startswith(__version__ + "+")
    monkeypatch.setattr(checkpoint, "kit_version", lambda: __version__ + "+another")  # a grader was edited
    assert checkpoint.Checkpoint(tmp_path / "out").reuse([task]) == {}


def test_an_interrupted_batch_is_run_again_for_the_rest(tmp_path):
    interrupt_and_rerun(tmp_path, "--jobs", "1")


def test_bad_schedulers_are_usage_errors(tmp_path):
    make_class(tmp_path / "subs", {"alice": CLASS["alice"]})
    runner = CliRunner()
    for option, words in ((["--scheduler", "local:0"], "local:N"), (["--scheduler", "10.0.0.5"], "tcp://HOST:PORT"),
                          (["--scheduler", "local:2", "--jobs", "2"], "--jobs")):
        result = runner.invoke(main, ["batch", str(tmp_path / "subs"), "-l", "lesson3", *option])
        assert result.exit_code == 2 and words in result.output, result.output


# --------------------------------------------------------------------- the cluster


distributed = None  # imported by the cluster fixture


class Cluster:
    """A Dask scheduler and workers on 127.0.0.1, as processes of the test."""

    def __init__(self, folder):
        global distributed
        distributed = pytest.importorskip("distributed")
        self.folder = folder
        self.file = folder / "scheduler.json"
        self.env = dict(os.environ, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
        self.scheduler = self._start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard")
        wait_for(self.file.exists, 60, "the scheduler")
        self.address = json.loads(self.file.read_text())["address"]
        self.workers = {}

    def _start(self, *args):
        return subprocess.Popen([sys.executable, "-m", "dask", *args, "--scheduler-file", str(self.file)],
                                cwd=self.folder, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)

    def ensure(self, *names):
        """Start the named workers that are not running, and wait until they are in."""
        for name in names:
            if name not in self.workers or self.workers[name].poll() is not None:
                self.workers[name] = self._start("worker", "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                                 "--host", "127.0.0.1", "--name", name)
        with distributed.Client(self.address, timeout=30) as client:
            client.wait_for_workers(len(self.workers), timeout=120)

    def kill(self, name):
        """Kill a worker and everything it started, as a machine that goes down."""
        os.killpg(self.workers[name].pid, signal.SIGKILL)
        self.workers[name].wait()

    def idle(self):
        """Whether the scheduler holds no task and no worker runs one."""
        with distributed.Client(self.address, timeout=30) as client:
            return not client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) \
                and not any(client.processing().values())

    def deaths(self):
        """How many times a worker died holding a grading task, since the scheduler started."""
        with distributed.Client(self.address, timeout=30) as client:
            return client.run_on_scheduler(lambda dask_scheduler: sum(
                prefix.suspicious for name, prefix in dask_scheduler.task_prefixes.items() if name.startswith("grade")))

    def close(self):
        for proc in list(self.workers.values()) + [self.scheduler]:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
        for proc in list(self.workers.values()) + [self.scheduler]:
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    cluster = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture
def two_workers(dask_cluster):
    dask_cluster.ensure("w1", "w2")
    return dask_cluster


@pytest.mark.slow
def test_a_class_on_the_cluster_scores_as_on_the_local_pool(tmp_path, two_workers):
    make_class(tmp_path / "subs")
    (tmp_path / "subs" / "linda").mkdir()  # a link to another's file: refused unread, there as here
    (tmp_path / "subs" / "linda" / "lesson3.py").symlink_to(tmp_path / "subs" / "alice" / "lesson3.py")
    proc = run_batch("subs", "-l", "lesson3", "--out", "results", "--seed", "11", "--scheduler", two_workers.address,
                     cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "on 2 Dask workers" in proc.stdout
    assert "learners' code ran " in proc.stderr  # the isolation the workers' results report
    rows = summary(tmp_path / "results")
    local = {row.student: row for row in batch.grade_all(batch.find_submissions([str(tmp_path / "subs")], ["lesson3"]),
                                                         jobs=2, seed=11)}
    assert sorted(rows) == sorted(local) == sorted(CLASS) + ["linda"]
    assert "symbolic link" in rows["linda"]["message"] and rows["linda"]["score"] == "0"
    for student, row in rows.items():
        expected = local[student].csv_row()
        assert [row[k] for k in ("status", "score", "max_score", "seed", "message", "misconceptions")] == \
            [str(expected[k]) for k in ("status", "score", "max_score", "seed", "message", "misconceptions")]
        if row["status"] != "graded":
            continue
        remote = json.loads((tmp_path / "results" / student / "lesson3.json").read_text())
        here = local[student].result.to_json()
        assert [(t["name"], t["status"], t["output"]) for t in remote["tests"]] == \
            [(t["name"], t["status"], t["output"]) for t in here["tests"]], student
        assert remote["submission"] == str(Path("subs") / student / "lesson3.py")
    graders = {row["grader"] for row in rows.values() if row["status"] == "graded"}
    assert {g.split("/")[-1] for g in graders} == {"w1", "w2"}, graders
    assert rows["grace"]["grader"] == ""


@pytest.mark.slow
def test_a_worker_killed_mid_batch_costs_no_result(tmp_path, two_workers):
    from autograder.ci import cluster

    students = {"s%d" % i: CLASS[name] for i, name in enumerate(["alice", "henry", "judy", "bob"] * 2)}
    tasks = batch.find_submissions([str(make_class(tmp_path / "subs", students))], ["lesson3"])
    seen = []
    deaths = two_workers.deaths()

    def on_row(row):
        seen.append(row)
        if len(seen) == 1:
            two_workers.kill("w1")

    rows, workers = cluster.grade_on_cluster(tasks, two_workers.address, timeout=120, seed=5, on_row=on_row)
    assert workers == 2 and len(seen) == len(rows) == len(students)
    assert two_workers.deaths() > deaths  # w1 died with a task, which w2 graded
    assert {r.student: (r.status, r.score) for r in rows} == {s: ("graded", e) for s, (_, e) in students.items()}
    wait_for(two_workers.idle, 30, "the scheduler to forget the batch")


@pytest.mark.slow
def test_an_interrupted_cluster_batch_leaves_no_task_and_reruns_only_the_rest(tmp_path, two_workers):
    rows = interrupt_and_rerun(tmp_path, "--scheduler", two_workers.address)
    wait_for(two_workers.idle, 30, "no task left on the cluster")
    assert {row["grader"].split("/")[-1] for row in rows.values()} <= {"w1", "w2"}


@pytest.mark.slow
def test_a_submission_that_kills_its_worker_twice_is_reported(tmp_path, monkeypatch):
    """On a local:2 cluster (whose workers are restarted when they die): the workers die
    each time they take the submission, which is given up after the second death."""
    from autograder.ci import cluster

    def kill_the_worker(lesson, name, data, *args):
        if b"# kills its worker" in data:
            os._exit(9)
        import importlib

        return importlib.import_module("autograder.ci.cluster").grade_remote(lesson, name, data, *args)

    monkeypatch.setattr(cluster, "grade_remote", kill_the_worker)
    students = {"alice": CLASS["alice"], "mallory": (solution_text("lesson3") + "\n# kills its worker\n", None)}
    tasks = batch.find_submissions([str(make_class(tmp_path / "subs", students))], ["lesson3"])
    rows, _ = cluster.grade_on_cluster(tasks, "local:2", timeout=120, seed=5)
    rows = {row.student: row for row in rows}
    assert (rows["alice"].status, rows["alice"].score) == ("graded", 10)
    assert (rows["mallory"].status, rows["mallory"].score) == ("killed", 0)
    assert "died 2 times" in rows["mallory"].message
    assert "killed their grading worker" in batch.totals_line(list(rows.values()), 1.0, 2)
