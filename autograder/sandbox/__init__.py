"""Running a learner's file in its own process, under time and memory limits.

The grader never imports the learner's code. :class:`Sandbox` starts ``worker.py`` in a
separate Python process, sends it arguments as plain data and gets plain data back
(see ``protocol.py``); expected values are computed and compared only here.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import protocol
from ..prestart import take as _take_prestarted, worker_process

GRACE = 10.0  # seconds the grader waits past a call's own limit before giving up on the worker


@dataclass
class Outcome:
    """What one call into the learner's file gave.

    ``status`` is one of ``ok``, ``raised``, ``missing``, ``not_callable``, ``timeout``,
    ``crashed``, ``import_error``, ``syntax_error``, ``unreadable``, ``protocol_error``.
    """

    status: str
    value: object = None
    output: str = ""
    info: dict = field(default_factory=dict)
    mutated: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self):
        return self.status == "ok"


class Sandbox:
    """One learner's file, served by its own worker process."""

    def __init__(self, submission, *, module_name="submission"):
        self.submission = Path(submission).resolve()
        self.module_name = module_name
        self._proc = None
        self._load = None
        self._start()

    def _start(self):
        self._proc = _launched_worker() or _take_prestarted()
        if self._proc is None:
            self._proc = worker_process(stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._send({"op": "load", "path": str(self.submission), "module_name": self.module_name})
        self._load = None

    def _send(self, message):
        protocol.write_frame(self._proc.stdin, protocol.dumps(message))

    def _receive(self, deadline):
        frame = protocol.read_frame_fd(self._proc.stdout.fileno(), deadline)
        if frame is None:
            raise protocol.ProtocolError("the worker process ended")
        return protocol.loads(frame)

    def load_status(self):
        """``{"status": "loaded"}``, or why the file cannot be run (syntax error...)."""
        if self._load is None:
            self._load = self._receive(time.monotonic() + 60)
        return self._load

    def call(self, session, func, args, *, timeout=2.0, memory_mb=512):
        """Call ``func(*args)`` in a process of the exercise ``session``."""
        try:
            load = self.load_status()
        except (protocol.ProtocolError, TimeoutError, OSError) as exc:
            self._restart()
            return Outcome("protocol_error", info={"message": str(exc)})
        if load["status"] != "loaded":
            return Outcome(load["status"], info=load)
        started = time.monotonic()
        try:
            self._send({
                "op": "call",
                "session": session,
                "func": func,
                "args": list(args),
                "timeout": timeout,
                "memory_mb": memory_mb,
            })
            head = self._receive(started + timeout + GRACE)
            outcome = Outcome(head["status"], output=head.get("output", ""), info=head)
            if head["status"] == "answered":
                answer = self._receive(time.monotonic() + GRACE)
                outcome = Outcome(
                    answer.get("status", "protocol_error"),
                    value=answer.get("value"),
                    output=head.get("output", ""),
                    info=answer,
                    mutated=list(answer.get("mutated") or []),
                )
        except (protocol.ProtocolError, TimeoutError, OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            self._restart()
            outcome = Outcome("protocol_error", info={"message": str(exc)[:300]})
        outcome.seconds = time.monotonic() - started
        return outcome

    def _restart(self):
        self.close()
        self._start()

    def close(self):
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


# ----------------------------------------------------------------- batch grading's launcher
#
# A grading process that grades many files (batch grading) can start a launcher: one
# ``worker.py --launcher`` process that has imported NumPy and forks a fresh worker for
# each file, which saves a Python start and a NumPy import per file. Off by default.

_launcher = None


def use_launcher(enabled=True):
    """Let every later :class:`Sandbox` of this process take its worker from a launcher."""
    global _launcher
    if not enabled:
        if _launcher is not None:
            _launcher.close()
        _launcher = None
    elif _launcher is None:
        _launcher = _Launcher()


def _launched_worker():
    """A new worker from the launcher, or None (not in use, or it failed: start one plainly)."""
    global _launcher
    if _launcher is None:
        return None
    for _ in range(2):
        try:
            return _launcher.worker()
        except (OSError, ValueError):
            _launcher.close()
            _launcher = _Launcher()  # it died (a learner's process may kill what it finds)
    return None


class _Launcher:
    def __init__(self):
        import socket

        ours, theirs = socket.socketpair()
        try:
            self.proc = worker_process("--launcher", stdin=theirs, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        finally:
            theirs.close()
        self.sock = ours

    def worker(self):
        import socket
        import struct

        to_worker_r, to_worker_w = os.pipe()
        from_worker_r, from_worker_w = os.pipe()
        try:
            self.sock.settimeout(30)
            socket.send_fds(self.sock, [b"w"], [to_worker_r, from_worker_w])
            data = b""
            while len(data) < 4:
                chunk = self.sock.recv(4 - len(data))
                if not chunk:
                    raise OSError("the launcher ended")
                data += chunk
        except BaseException:
            for fd in (to_worker_r, to_worker_w, from_worker_r, from_worker_w):
                os.close(fd)
            raise
        os.close(to_worker_r)
        os.close(from_worker_w)
        (pid,) = struct.unpack("!i", data)
        return _LaunchedProcess(pid, os.fdopen(to_worker_w, "wb"), os.fdopen(from_worker_r, "rb"))

    def close(self):
        self.sock.close()
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class _LaunchedProcess:
    """A launcher's worker, seen as :class:`Sandbox` sees a ``Popen``: stdin, stdout,
    wait (for its channel to close) and kill. It is not our child: its end shows as the
    end of its output."""

    def __init__(self, pid, stdin, stdout):
        self.pid = pid
        self.stdin = stdin
        self.stdout = stdout

    def wait(self, timeout=None):
        import select

        deadline = None if timeout is None else time.monotonic() + timeout
        fd = self.stdout.fileno()
        while True:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise subprocess.TimeoutExpired("worker %d" % self.pid, timeout)
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready and not os.read(fd, 65536):
                return 0

    def kill(self):
        import signal

        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
