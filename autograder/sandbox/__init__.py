"""Running a learner's file in its own sealed process, under time and memory limits.

The grader never imports the learner's code. :class:`Sandbox` reads the learner's file
once, starts ``worker.py`` in a separate Python process and sends it the file's text; the
worker seals itself (``seal.py``: namespaces, an unprivileged identity, a private view of
the file system without the kit, the answers or other submissions) before any of the
learner's code runs. Arguments go in and answers come back as plain data (see
``protocol.py``); expected values are computed and compared only here.

How much isolation is required is this process's *policy* (:func:`configure`): a learner
grading their own file is graded unsealed when the host cannot seal (the report says so);
batch grading, Gradescope and the nbgrader course refuse to, unless told otherwise.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import protocol
from .cgroup import Group
from ..prestart import take as _take_prestarted, worker_process

GRACE = 10.0  # seconds the grader waits past a call's own limit before giving up on the worker
MAX_SOURCE = 2**20  # a learner's file larger than this is refused unread (compiling 1 MB takes a second)
MAX_FRAME = 16 * 2**20  # a frame from the worker larger than this is refused unread (its init caps answers)
ANSWER_STATUSES = ("ok", "raised", "missing", "not_callable", "import_error")


class SealUnavailable(RuntimeError):
    """Sealing is required and this host cannot seal: the message says what to enable."""


@dataclass
class Policy:
    """How learners' code is isolated in this process.

    ``seal``: ``"auto"`` (seal when the host can, else run with process limits only and
    say so), ``"require"`` (refuse to grade unsealed) or ``"off"``. ``uid``/``gid``: the
    identity of learners' processes when the grader is root. ``scratch_mb``: the size of
    their private ``/tmp``.
    """

    seal: str = "auto"
    uid: int = 65534
    gid: int = 65534
    scratch_mb: int = 64


def _env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def _policy_from_environment():
    mode = os.environ.get("GROKKING_SEAL", "auto").strip().lower() or "auto"
    if os.environ.get("GROKKING_ALLOW_UNSEALED", "").strip() not in ("", "0") and mode == "require":
        mode = "auto"
    return Policy(seal=mode if mode in ("auto", "require", "off") else "auto",
                  uid=_env_int("GROKKING_SANDBOX_UID", 65534), gid=_env_int("GROKKING_SANDBOX_GID", 65534),
                  scratch_mb=_env_int("GROKKING_SANDBOX_SCRATCH_MB", 64))


policy = _policy_from_environment()
_unsealable = ""  # why this host could not seal, once found (not tried again by this process)


def configure(*, require=None, allow_unsealed=False, **settings):
    """Change this process's policy: ``require=True`` for every grading mode where
    learners are adversaries (unless ``allow_unsealed``); other keywords are fields of
    :class:`Policy`. Environment: ``GROKKING_SEAL`` (auto/require/off),
    ``GROKKING_ALLOW_UNSEALED=1``, ``GROKKING_SANDBOX_UID``/``_GID``/``_SCRATCH_MB``."""
    global policy
    allowed = allow_unsealed or os.environ.get("GROKKING_ALLOW_UNSEALED", "").strip() not in ("", "0")
    if require and policy.seal == "auto" and not allowed:
        policy.seal = "require"
    elif allowed and policy.seal == "require":
        policy.seal = "auto"
    for key, value in settings.items():
        if value is not None:
            setattr(policy, key, value)
    return policy


PACKAGE = Path(__file__).resolve().parent.parent


def _seal_options(submission):
    if policy.seal == "off":
        return {"enabled": False, "reason": "process only: sealing is turned off (GROKKING_SEAL=off)"}
    if _unsealable and policy.seal != "require":
        return {"enabled": False, "reason": "process only: %s" % _unsealable}
    # Folders hidden even if they lie inside what the sandbox binds (an installed kit in a
    # system folder), and files that must not be visible once sealed (checked: fail closed).
    hidden = [str(PACKAGE), str(PACKAGE.parent / "solutions"), str(Path(submission).resolve().parent)]
    markers = [str(PACKAGE / "grading" / "engine.py"), str(PACKAGE.parent / "solutions"),
               str(Path(submission).resolve())]
    return {"enabled": True, "uid": policy.uid, "gid": policy.gid, "scratch_mb": policy.scratch_mb,
            "hidden": hidden, "markers": markers}


def read_submission(path):
    """``(text, None)``, or ``(None, {"status": ..., "message": ...})`` saying why the file
    cannot be graded: a symbolic link, not a regular file, too large, binary, not UTF-8."""
    import stat

    path = Path(path)
    try:
        info = os.lstat(path)
    except OSError as exc:
        return None, {"status": "unreadable", "message": exc.strerror or str(exc)}
    if stat.S_ISLNK(info.st_mode):
        return None, {"status": "unreadable", "message": "it is a symbolic link; submit the file itself"}
    if not stat.S_ISREG(info.st_mode):
        return None, {"status": "unreadable", "message": "it is not a regular file"}
    if info.st_size > MAX_SOURCE:
        return None, {"status": "unreadable", "message": "it is %.1f MB; a submission may be at most %d MB" % (
            info.st_size / 2**20, MAX_SOURCE // 2**20)}
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            data = f.read(MAX_SOURCE + 1)
    except OSError as exc:
        return None, {"status": "unreadable", "message": exc.strerror or str(exc)}
    if b"\0" in data:
        return None, {"status": "unreadable", "message": "it is not a text file (it holds NUL bytes)"}
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, {"status": "unreadable", "message": "it is not UTF-8 text (byte %d)" % exc.start}


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


def _checked_answer(answer, nargs):
    """An answer frame as the learner's process wrote it, checked field by field: it is
    written by the learner's own process, which may forge one. Anything out of shape is a
    protocol error (the learner's), never a failure of the grader."""
    def bad(why):
        return {"status": "protocol_error", "message": "the answer could not be read back: %s" % why}

    if not isinstance(answer, dict):
        return bad("not a record")
    status = answer.get("status")
    if status not in ANSWER_STATUSES:
        return bad("an unknown status")
    mutated = answer.get("mutated", [])
    if not isinstance(mutated, list) or not all(type(i) is int and 0 <= i < nargs for i in mutated):
        return bad("a malformed list of changed arguments")
    for key in ("type", "message"):
        if key in answer and not isinstance(answer[key], str):
            return bad("a malformed %s" % key)
    if "line" in answer and answer["line"] is not None and type(answer["line"]) is not int:
        return bad("a malformed line number")
    if "defined" in answer and not (isinstance(answer["defined"], list)
                                    and all(isinstance(d, str) for d in answer["defined"])):
        return bad("a malformed list of names")
    return answer


class Sandbox:
    """One learner's file, served by its own worker process."""

    def __init__(self, submission, *, module_name="submission"):
        self.submission = Path(submission).absolute()
        self.module_name = module_name
        self._proc = None
        self._load = None
        self._group = None
        self._source, self._refused = read_submission(self.submission)
        self._seal = _seal_options(self.submission)
        self._start()

    @property
    def isolation(self) -> str:
        """What holds around the learner's code ("sealed: ..." or "process only: ...")."""
        try:
            return self.load_status().get("isolation", "")
        except (protocol.ProtocolError, TimeoutError, OSError):
            return ""

    def _start(self):
        self._load = None
        if self._refused is not None:  # nothing to run: no worker
            self._load = dict(self._refused, isolation="")
            return
        self._proc = _launched_worker() or _take_prestarted()
        if self._proc is None:
            self._proc = worker_process(stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if self._seal.get("enabled"):  # one memory and process budget for all the submission starts
            self._group = Group.create()
            if self._group is not None:
                try:
                    self._group.add(self._proc.pid)
                except OSError:
                    self._group.close(wait=0)
                    self._group = None
        self._send({"op": "load", "path": str(self.submission), "source": self._source,
                    "module_name": self.module_name, "seal": self._seal})

    def _send(self, message):
        protocol.write_frame(self._proc.stdin, protocol.dumps(message))

    def _receive(self, deadline):
        frame = protocol.read_frame_fd(self._proc.stdout.fileno(), deadline, MAX_FRAME)
        if frame is None:
            raise protocol.ProtocolError("the worker process ended")
        return protocol.loads(frame)

    def load_status(self):
        """``{"status": "loaded", "isolation": ...}``, or why the file cannot be run
        (syntax error...). Raises :class:`SealUnavailable` when sealing is required and
        the host cannot seal."""
        if self._load is None:
            load = self._receive(time.monotonic() + 60)
            if load.get("status") == "unsealed":
                global _unsealable
                _unsealable = load.get("message") or "the host cannot seal"
                self.close()
                if policy.seal == "require":
                    raise SealUnavailable(
                        "refusing to grade unsealed: %s. Pass --allow-unsealed (or set "
                        "GROKKING_ALLOW_UNSEALED=1) to grade with process limits only." % load.get("message"))
                self._seal = {"enabled": False, "reason": "process only: %s" % load.get("message")}
                self._start()
                return self.load_status()
            self._load = load
        return self._load

    def call(self, session, func, args, *, timeout=2.0, memory_mb=512):
        """Call ``func(*args)`` in a process of the exercise ``session``."""
        try:
            load = self.load_status()
        except SealUnavailable:
            raise
        except (protocol.ProtocolError, TimeoutError, OSError) as exc:
            self._restart()
            return Outcome("protocol_error", info={"message": str(exc)})
        if load["status"] != "loaded":
            return Outcome(load["status"], info=load)
        started = time.monotonic()
        if self._group is not None:
            self._group.limit(memory_mb, policy.scratch_mb)
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
                answer = _checked_answer(self._receive(time.monotonic() + GRACE), len(args))
                outcome = Outcome(
                    answer.get("status", "protocol_error"),
                    value=answer.get("value"),
                    output=head.get("output", ""),
                    info=answer,
                    mutated=list(answer.get("mutated") or []),
                )
        except (protocol.ProtocolError, TimeoutError, OSError, ValueError, KeyError, TypeError, RecursionError,
                MemoryError, AttributeError) as exc:
            self._restart()
            outcome = Outcome("protocol_error", info={"message": str(exc)[:300]})
        outcome.seconds = time.monotonic() - started
        return outcome

    def _restart(self):
        self.close()
        self._start()

    def close(self):
        """End the worker; when this returns, no process of the submission is left
        (a sealed worker's init kills and reaps its whole PID namespace first)."""
        proc, self._proc = self._proc, None
        group, self._group = self._group, None
        if proc is None:
            if group is not None:
                group.close()
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
        if group is not None:
            group.close()

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


def probe() -> str:
    """What isolation a learner's file gets on this host under this process's policy
    ("sealed: ..." or "process only: ..."), found by loading an empty file in a sandbox.
    Raises :class:`SealUnavailable` when sealing is required and the host cannot seal."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="grokking-probe-") as folder:
        empty = Path(folder) / "probe.py"
        empty.write_text("\n", encoding="utf-8")
        with Sandbox(empty) as sandbox:
            return sandbox.load_status().get("isolation", "")
