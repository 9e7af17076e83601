"""Starting the learner's worker process early (standard library only).

A worker spends most of its start importing NumPy. ``grade lessonN`` calls
:func:`start` before it imports the grading engine (pytest, NumPy, the reference
solutions), so that on two cores both imports run at once; the first
:class:`autograder.sandbox.Sandbox` of the process then takes that worker instead of
starting its own. The worker loads nothing until the sandbox sends it the learner's
file, and a worker never taken ends with this process (its input closes).

This module imports nothing of the kit and no NumPy, so that the start is early.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).resolve().parent / "sandbox" / "worker.py"

# Environment of the learner's process: one BLAS thread (forked children must not inherit
# a thread pool, and batch grading runs many at once).
ENV_OVERRIDES = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYTHONWARNINGS": "ignore",
    "PYTHONDONTWRITEBYTECODE": "1",
}

# The only variables of the grader's environment the learner's process inherits: the
# locale, and the CPU settings that some hosts need for OpenBLAS to run at all. Nothing
# else (no CI token, no credentials) crosses into the sandbox.
ENV_KEPT = ("LANG", "LC_ALL", "LC_CTYPE", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_VERBOSE")
ENV_BASE = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8"}

_started = None


def worker_env():
    """The learner's process's whole environment."""
    env = dict(ENV_BASE)
    env.update({k: os.environ[k] for k in ENV_KEPT if k in os.environ})
    env.update(ENV_OVERRIDES)
    return env


def worker_process(*extra, **popen):
    """A new ``worker.py`` process (``extra``: its arguments)."""
    return subprocess.Popen([sys.executable, "-I", "-B", str(WORKER), *extra], env=worker_env(),
                            close_fds=True, **popen)


def start() -> None:
    """Start the worker that the next sandbox of this process will take."""
    global _started
    if _started is None:
        _started = worker_process(stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def take():
    """The worker started early (once), or None when there is none or it has ended."""
    global _started
    proc, _started = _started, None
    if proc is not None and proc.poll() is not None:
        proc.stdin.close()
        proc.stdout.close()
        return None
    return proc
