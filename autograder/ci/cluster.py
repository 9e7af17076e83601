"""Grading a batch on a Dask cluster: ``grade batch ... --scheduler tcp://HOST:PORT``.

Every submission is one Dask task. The task carries the file's bytes and their SHA-256
(workers need no shared filesystem); the worker checks both and its kit version, writes
the bytes to a temporary file of its own and grades it in one of its grading processes,
the local pool's own (:class:`autograder.ci.batch._Worker`: the same engine, the same
sandbox, the same ``--timeout``), and returns the result as plain data with the name of
the worker. ``--scheduler local:N`` starts a ``LocalCluster`` of N one-thread workers on
this machine instead.

A worker that dies while it holds a task has that task run elsewhere (Dask's scheduler
does it). A task whose workers die twice is given up (Dask's ``allowed-failures`` of 1):
its submission is reported with the status ``killed`` and 0 points, never retried
forever. Ctrl-C cancels every task left; a worker notices within half a second and stops
the grading process of a cancelled task.

Dask is an optional part of the kit (``pip install -e ".[cluster]"``); nothing here is
imported without ``--scheduler``.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import signal
import sys
import tempfile
import threading
import time
import uuid
import warnings
from pathlib import Path

from .checkpoint import fingerprint, kit_version, read_submission

ALLOWED_FAILURES = 1  # a task is tried again once after its worker dies, never a third time
CONNECT_TIMEOUT = 20  # seconds to reach a scheduler
POLL = 0.5  # seconds between a worker's looks at whether its task was cancelled


class ClusterUsageError(ValueError):
    """The --scheduler option names no scheduler this kit can use."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ClusterUsageError('--scheduler needs Dask distributed, an optional part of the kit: '
                                'pip install -e ".[cluster]" (or pip install "dask[distributed]")') from None
    return distributed


def connect(scheduler: str):
    """``(client, cluster)`` for ``tcp://HOST:PORT`` (cluster None) or ``local:N``."""
    distributed = _distributed()
    import logging

    import dask

    if scheduler.startswith("local:"):
        count = scheduler[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            raise ClusterUsageError("--scheduler local:N takes a number of workers N >= 1, not %r" % count)
        with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}), \
                warnings.catch_warnings(), _sigint_ignored():
            warnings.simplefilter("ignore")  # "port 8787 is in use": the link printed says which one
            cluster = distributed.LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                               silence_logs=logging.ERROR)
        return distributed.Client(cluster), cluster
    if "://" not in scheduler:
        raise ClusterUsageError("--scheduler takes a scheduler's address (tcp://HOST:PORT) or local:N, not %r"
                                % scheduler)
    try:
        return distributed.Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUsageError("cannot reach the Dask scheduler at %s: %s" % (scheduler, exc)) from None


@contextlib.contextmanager
def _sigint_ignored():
    """Ctrl-C ignored while local workers start, so that they ignore it too (they inherit
    it): on a terminal, Ctrl-C reaches every process of the command, and the workers are
    for this process to stop, without a traceback each."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def grade_on_cluster(tasks, scheduler, *, timeout, seed=None, secret=None, progress=False, on_row=None, echo=None):
    """Grade every task on the cluster; ``(rows, workers)``: one row per task, in order, and
    how many workers the cluster had when grading began."""
    from . import batch

    distributed = _distributed()
    echo = echo or (lambda text: print(text, file=sys.stderr))
    rows, todo = batch.split_missing(tasks, seed, secret)  # the workers get the seeds, never the secret
    client, cluster = connect(scheduler)
    futures = {}  # future -> index of its task
    bar = None
    try:
        workers = _announce(client, scheduler, echo)
        bar = batch._progress_bar(len(tasks), progress)
        bar.update(len(rows))
        kit = kit_version()
        policy = dict(batch.WORKER_ENV)  # the sealing policy of this run, for the workers' grading processes
        pending = iter(todo)
        completed = distributed.as_completed()

        def submit(count):
            for index, task in itertools.islice(pending, count):
                try:
                    kind, data = read_submission(task.path)
                except OSError as exc:
                    status = "missing" if isinstance(exc, FileNotFoundError) else "error"
                    rows[index] = batch._row(task, status, message="%s cannot be read: %s" % (task.path, exc),
                                             grader="")
                    batch._report(bar, on_row, rows[index])
                    continue
                future = client.submit(grade_remote, task.lesson, task.path.name, data, fingerprint(kind, data),
                                       task.seed, timeout, kit, policy, kind,
                                       key="grade-%s-%s" % (task.lesson, uuid.uuid4().hex), pure=False)
                futures[future] = index
                completed.add(future)

        def window():  # tasks in flight: every thread busy, a few queued (workers may join as it runs)
            return max(200, 4 * sum(client.nthreads().values()))

        size = window()
        submit(size)
        for done, future in enumerate(completed, 1):
            index = futures.pop(future)
            rows[index] = _row(batch, tasks[index], future, distributed)
            future.release()
            batch._report(bar, on_row, rows[index])
            if done % 100 == 0:
                size = window()
            submit(size - len(futures))
        if not scheduler.startswith("local:"):  # this host's isolation was not the question: the workers' was
            _say_isolation(rows.values(), echo)
    except BaseException:
        if futures:
            with contextlib.suppress(Exception):  # a scheduler gone cancels them itself
                client.cancel(list(futures), force=True)  # no task left running for nobody
        raise
    finally:
        if bar is not None:
            bar.close()
        client.close()
        if cluster is not None:
            cluster.close()
    return [rows[i] for i in range(len(tasks))], workers


def _say_isolation(rows, echo):
    """What held around the learners' code on the workers, as their results say."""
    seen = {}
    for row in rows:
        if row.result is not None and getattr(row.result, "isolation", ""):
            seen[row.result.isolation] = seen.get(row.result.isolation, 0) + 1
    for isolation, count in sorted(seen.items(), key=lambda kv: -kv[1]):
        echo("learners' code ran %s (%d submission%s)" % (isolation, count, "" if count == 1 else "s"))


def _announce(client, scheduler, echo):
    """Say where the dashboard is, wait for a first worker; the number of workers."""
    try:
        link = client.dashboard_link if "dashboard" in client.scheduler_info().get("services", {}) else None
    except Exception:  # noqa: BLE001 - a link is a courtesy
        link = None
    if link:
        echo("grade batch: Dask dashboard at %s" % link)
    if not scheduler.startswith("local:"):
        try:
            allowed = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures)
        except Exception:  # noqa: BLE001 - a scheduler may refuse to run code it is sent
            allowed = None
        if allowed is not None and allowed != ALLOWED_FAILURES:
            echo("grade batch: this scheduler gives a task up after %d deaths of its workers, not %d; start it "
                 "with DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=%d" % (allowed + 1, ALLOWED_FAILURES + 1,
                                                                            ALLOWED_FAILURES))
    if not client.nthreads():
        echo("grade batch: no worker has joined %s yet; waiting (start one: dask worker %s --nthreads 1)"
             % (scheduler, scheduler))
        client.wait_for_workers(1)
    return len(client.nthreads())


def _row(batch, task, future, distributed):
    """The summary's row of a finished (or failed) task."""
    try:
        status, result, message, seconds, grader = future.result()
    except KeyboardInterrupt:
        raise
    except distributed.KilledWorker as exc:
        deaths = getattr(exc, "allowed_failures", ALLOWED_FAILURES) + 1
        return batch._row(task, "killed", grader=_name(exc.last_worker), message=(
            "the workers grading it died %d times (the submission may kill its worker): not graded, 0 points"
            % deaths))
    except BaseException as exc:  # noqa: BLE001 - the cluster failed on this task; the batch goes on
        return batch._row(task, "error", grader="", message="the cluster could not grade it: %s: %s"
                          % (type(exc).__name__, str(exc).splitlines()[0] if str(exc) else ""))
    if result is not None:
        result.submission = str(task.path)  # the learner's path, not the worker's temporary copy
    return batch._row(task, status, result=result, seconds=seconds, message=message, grader=grader)


def _name(worker, host=None):
    """How the grader column names a Dask worker: its host, and its name (or its port)."""
    if worker is None:
        return ""
    host = host or getattr(worker, "host", "")
    name = getattr(worker, "name", None)
    if name is None or str(name) == worker.address:
        return "%s:%s" % (host, worker.address.rsplit(":", 1)[-1])
    return "%s/%s" % (host, name)


def _here():
    """This process's Dask worker, or None outside one."""
    try:
        from distributed import get_worker

        return get_worker()
    except (ImportError, ValueError):
        return None


# -------------------------------------------------------------------- on a worker

_idle = {}  # sealing policy -> grading processes of this worker between tasks
_idle_lock = threading.Lock()


def grade_remote(lesson, name, data, sha, seed, timeout, kit, policy=None, kind="file"):
    """A Dask task: grade ``data`` (a learner's file named ``name``) for ``lesson``;
    ``(status, result, message, seconds, grader)`` as the local pool's grading process
    answers, with the worker's name. ``policy``: the environment that sets the sealing
    policy of the grading process (``batch.WORKER_ENV`` of the command); ``kind``: what
    the learner's path was (:func:`checkpoint.read_submission`), made again here: a link
    or a FIFO is refused by the grader as it would be on the command's machine."""
    from .batch import HOST, Task

    grader = _name(_here(), HOST)
    if fingerprint(kind, data) != sha:
        return "error", None, "the submission arrived damaged (its SHA-256 differs)", 0.0, grader
    if kit_version() != kit:
        return "error", None, ("this worker has the kit %s and the machine that sent the task %s: install the same "
                               "kit on every worker" % (kit_version(), kit)), 0.0, grader
    with tempfile.TemporaryDirectory(prefix="grade-") as folder:
        path = Path(folder) / Path(name).name
        if kind == "symlink":
            os.symlink(os.devnull + "-not-followed", path)
        elif kind == "special":
            os.mkfifo(path)
        else:
            path.write_bytes(data)
        status, result, message, seconds = _grade_file(Task("", lesson, path, seed), timeout, policy or {})
    if result is not None:
        for check in result.checks:
            check.calls = []  # what the misconceptions were named from: not needed past the engine
    return status, result, message, seconds, grader


def _grade_file(task, timeout, policy):
    """Grade one file in an idle grading process of this worker with that sealing policy
    (started when none is idle)."""
    from .batch import _Worker

    kind = tuple(sorted(policy.items()))
    with _idle_lock:
        idle = _idle.setdefault(kind, [])
        worker = idle.pop() if idle else None
    if worker is None or worker.exitcode is not None:
        _stop_idle_at_exit()
        worker = _Worker(policy)
        if not worker.conn.poll(60) or _receive(worker) is None:
            worker.stop(kill=True)
            return "error", None, "a grading process could not start (exit code %s)" % worker.exitcode, 0.0
    worker.send(task)
    while True:
        if worker.conn.poll(POLL):
            reply = _receive(worker)
            if reply is None:
                code = worker.exitcode
                worker.stop(kill=True)
                return ("error", None, "the grading process ended unexpectedly (exit code %s)" % code,
                        time.monotonic() - worker.started)
            with _idle_lock:
                _idle.setdefault(kind, []).append(worker)
            return reply
        elapsed = time.monotonic() - worker.started
        if elapsed >= timeout:
            worker.stop(kill=True)
            return ("timeout", None, "grading did not finish within %g s (--timeout): stopped, 0 points" % timeout,
                    elapsed)
        if _cancelled():
            worker.stop(kill=True)
            return "error", None, "cancelled", elapsed


@functools.lru_cache(maxsize=None)
def _stop_idle_at_exit():
    """End this worker's idle grading processes when it ends (they would end on their own,
    seeing their pipe close; this waits for them, so none outlives the worker)."""
    import atexit

    def stop():
        with _idle_lock:
            workers = [worker for idle in _idle.values() for worker in idle]
            _idle.clear()
        for worker in workers:
            worker.stop()

    atexit.register(stop)
    from multiprocessing import util  # a worker started by a nanny ends without atexit: with this

    util.Finalize(None, stop, exitpriority=10)


def _receive(worker):
    try:
        return worker.conn.recv()
    except (EOFError, OSError):
        return None


def _cancelled():
    """Whether the client gave up on the task this thread runs (Ctrl-C, or it went away)."""
    try:
        from distributed.worker import thread_state

        task = _here().state.tasks.get(thread_state.key)
    except (AttributeError, ImportError):
        return False
    return task is None or task.state == "cancelled"
