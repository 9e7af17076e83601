"""The process that runs a learner's file, away from the grader.

Started by :class:`autograder.sandbox.Sandbox` as ``python -I worker.py``. It imports
NumPy once, compiles the learner's file (a syntax error is reported without running
anything) and then, for each exercise, forks a fresh child that imports the learner's
file and answers that exercise's calls. The child:

- cannot reach the grader: the channel to the grader is closed in it, its output goes to
  a file, and everything it returns travels as plain data (see ``protocol.py``);
- runs under a memory limit (``RLIMIT_AS``), a file-size limit and, enforced here by the
  parent, a wall-time limit per call: a hang or a crash costs that call and the rest of
  that exercise's calls start again in a new child;
- starts from the pristine NumPy and standard library of this process, so a learner's
  monkeypatch in one exercise never reaches another.

Only the standard library and NumPy are used here.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sys
import tempfile
import time
import traceback
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402  (a sibling module, importable without the kit)
import seal as sealing  # noqa: E402  (likewise; loads ctypes before any learner's code)

import numpy  # noqa: E402,F401  (loaded once, shared by every forked child)
# Loaded once here too, not in every child: numpy.random (which NumPy imports only on first
# use: every answer checks for a Generator argument, and learners draw from it) and the
# limits' module. Importing them cost each exercise's child 10 ms.
import numpy.random  # noqa: E402,F401

try:
    import resource  # noqa: E402,F401
except ImportError:  # not a POSIX system
    pass

BLOCKED_IMPORTS = ("autograder", "solutions", "exercises")
OUTPUT_LIMIT = 4000


class _BlockKit:
    """Refuses imports of the kit itself from a learner's file."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED_IMPORTS:
            raise ImportError(
                "a submission may import numpy and the standard library, not %r" % name
            )
        return None


def _close_fds(keep):
    start = 3
    for fd in sorted(keep):
        if fd >= start:
            os.closerange(start, fd)
            start = fd + 1
    os.closerange(start, 65536)


def _vm_bytes():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


NPROC = 16  # processes and threads of the learner's uid (its forks and threads, at most)
NOFILE = 64  # open files of one learner's process (pipes and sockets hold memory too)
FILE_MB = 16  # the largest file a learner's process may write
MAX_ANSWER = 8 * 2**20  # bytes of one answer frame; a larger one is refused here, never decoded
CPU_SECONDS = 120  # CPU time of one exercise's process, past every call's own wall-time limit


def _set_limits(memory_mb, vm_base=0, sealed=False):
    try:
        import resource
    except ImportError:  # not a POSIX system: only the wall-time limit applies
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_MB * 2**20, FILE_MB * 2**20))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    if sealed:  # its own uid (or user namespace): the count is the submission's alone
        resource.setrlimit(resource.RLIMIT_NPROC, (NPROC, NPROC))
        resource.setrlimit(resource.RLIMIT_NOFILE, (NOFILE, NOFILE))
    if memory_mb and sys.platform.startswith("linux"):
        limit = (_vm_bytes() or vm_base) + int(memory_mb) * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _student_line(tb, path):
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == path:
            line = frame.lineno
    return line


def _child_main(path, code, module_name, req_fd, resp_fd, memory_mb, workdir, the_seal=None, vm_base=0):
    """Import the learner's file and answer calls until the parent closes the pipe."""
    os.setpgid(0, 0)
    requests = os.fdopen(req_fd, "rb")
    responses = os.fdopen(resp_fd, "wb")
    os.chdir(workdir)
    if the_seal is not None:
        sealing.drop_privileges(the_seal)
    _set_limits(memory_mb, vm_base, sealed=the_seal is not None)
    sys.meta_path.insert(0, _BlockKit())
    sys.argv = [path]
    sys.stdin = open(os.devnull)

    module = types.ModuleType(module_name)
    module.__file__ = path
    sys.modules[module_name] = module
    import_error = None
    try:
        exec(code, module.__dict__)
    except BaseException as exc:  # noqa: BLE001 - anything the learner's import does
        import_error = {
            "status": "import_error",
            "type": type(exc).__name__,
            "message": _text(exc),
            "line": _student_line(exc.__traceback__, path),
        }
    _flush()

    while True:
        frame = protocol.read_frame(requests)
        if frame is None:
            os._exit(0)
        request = protocol.loads(frame)
        if import_error is not None:
            answer = import_error
        else:
            answer = _answer(module, path, request)
        _flush()
        try:
            payload = protocol.dumps(answer)
        except Exception as exc:  # noqa: BLE001 - a value that refuses to encode
            payload = protocol.dumps({"status": "raised", "type": "EncodingError", "message": _text(exc)})
        protocol.write_frame(responses, payload)


def _answer(module, path, request):
    name = request["func"]
    func = module.__dict__.get(name)
    if func is None:
        defined = sorted(k for k, v in module.__dict__.items() if callable(v) and not k.startswith("_"))
        return {"status": "missing", "defined": defined[:50]}
    if not callable(func):
        return {"status": "not_callable", "type": type(func).__name__}
    args = request["args"]
    before = [protocol.dumps(a) for a in args]  # per argument: a change is found without re-encoding all
    try:
        result = func(*args)
    except BaseException as exc:  # noqa: BLE001 - SystemExit, KeyboardInterrupt included
        return {
            "status": "raised",
            "type": type(exc).__name__,
            "message": _text(exc),
            "line": _student_line(exc.__traceback__, path),
        }
    mutated = []
    try:
        # A random Generator's state moves whenever it is drawn from: that is its use, not a mutation.
        mutated = [i for i, a in enumerate(args) if not isinstance(a, protocol.Generator)
                   and protocol.dumps(a) != before[i]]
    except Exception:  # noqa: BLE001 - arguments turned into something odd
        mutated = list(range(len(args)))
    return {"status": "ok", "value": result, "mutated": mutated}


def _text(exc):
    try:
        return str(exc)[:500]
    except Exception:  # noqa: BLE001
        return "<unprintable message>"


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - the learner may have replaced or closed it
            pass


class _Child:
    def __init__(self, session, pid, req, resp, out_path):
        self.session = session
        self.pid = pid
        self.req = req
        self.resp = resp
        self.out_path = out_path
        self.out_offset = 0

    def output(self):
        try:
            with open(self.out_path, "rb") as f:
                f.seek(self.out_offset)
                data = f.read(OUTPUT_LIMIT + 1)
                f.seek(0, 2)
                self.out_offset = f.tell()
        except OSError:
            return ""
        text = data[:OUTPUT_LIMIT].decode("utf-8", "replace")
        return text + ("\n[... output cut]" if len(data) > OUTPUT_LIMIT else "")

    def kill(self, everything=False):
        """Kill this child (its process group too); ``everything``: in a sealed worker's
        PID namespace, every process but the init, however it hid (a double fork, setsid,
        stopped, ignoring signals), all reaped before this returns."""
        for target in (lambda: os.killpg(self.pid, signal.SIGKILL), lambda: os.kill(self.pid, signal.SIGKILL)):
            try:
                target()
            except OSError:
                pass
        code = self.reap()
        if everything:
            kill_everything()
        try:
            os.unlink(self.out_path)
        except OSError:
            pass
        return code

    def reap(self):
        for fd in (self.req, self.resp):
            try:
                os.close(fd)
            except OSError:
                pass
        self.req = self.resp = -1
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return None
        if os.WIFSIGNALED(status):
            return -os.WTERMSIG(status)
        return os.WEXITSTATUS(status)


def kill_everything():
    """In a PID namespace's init: SIGKILL every other process of the namespace, and reap
    them all (orphans are the init's children), so that none outlives this call."""
    try:
        os.kill(-1, signal.SIGKILL)
    except OSError:
        pass
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            continue


class Zygote:
    def __init__(self, channel_in, channel_out):
        self.channel_in = channel_in
        self.channel_out = channel_out
        self.workdir = None
        self.cwd = None
        self.child = None
        self.count = 0
        self.path = self.code = None
        self.module_name = "submission"
        self.seal = None
        self.isolation = ""
        self.vm_base = 0

    def reply(self, obj, payload=None):
        protocol.write_frame(self.channel_out, protocol.dumps(obj))
        if payload is not None:
            protocol.write_frame(self.channel_out, payload)

    def load(self, request):
        """Compile the learner's file (sent as text: the worker opens no file of the
        host), then seal this process before any of its code can run."""
        self.path = request["path"]
        self.module_name = request.get("module_name") or "submission"
        source = request.get("source")
        if source is None:  # a path on this host (the unsealed tools of the kit's own tests)
            try:
                with open(self.path, "rb") as f:
                    source = f.read()
            except OSError as exc:
                return self.reply({"status": "unreadable", "message": str(exc)})
        try:
            self.code = compile(source, self.path, "exec", dont_inherit=True)
        except SyntaxError as exc:
            text, offset = (exc.text or "").rstrip("\n"), exc.offset
            if len(text) > 76:  # a window of the line around the error, not a screenful
                start = max(0, min((offset or 1) - 38, len(text) - 76))
                text, offset = text[start:start + 76], (offset - start if offset else offset)
            return self._loaded(request, {
                "status": "syntax_error",
                "message": exc.msg,
                "line": exc.lineno,
                "offset": offset,
                "text": text,
            })
        except (ValueError, UnicodeDecodeError) as exc:  # null bytes, bad encoding
            return self._loaded(request, {"status": "unreadable", "message": str(exc)})
        except (RecursionError, MemoryError, OverflowError) as exc:  # absurd nesting or sizes
            return self._loaded(request, {"status": "unreadable", "message": "Python cannot compile it (%s)" % (
                type(exc).__name__)})
        finally:
            source = request["source"] = None  # a large file is kept once, compiled
        self._loaded(request, {"status": "loaded"})

    def _loaded(self, request, answer):
        """Seal as asked, then answer the load request (from the sealed init)."""
        options = request.get("seal") or {}
        if not options.get("enabled"):
            self.workdir = self.cwd = tempfile.mkdtemp(prefix="grade-")
            self.isolation = options.get("reason") or "process only: sealing is turned off"
            return self.reply(dict(answer, isolation=self.isolation))
        hidden = options.get("hidden") or []
        try:
            the_seal = sealing.seal(os.path.dirname(os.path.abspath(__file__)), uid=options.get("uid", 65534),
                                    gid=options.get("gid", 65534), scratch_mb=options.get("scratch_mb", 64),
                                    hidden=hidden, markers=options.get("markers") or [])
        except sealing.Unsealable as exc:
            return self.reply({"status": "unsealed", "message": str(exc)})
        pid = os.fork()
        if pid:  # the worker itself: waits for its init, holding no channel
            for stream in (self.channel_in, self.channel_out):
                try:
                    stream.close()
                except OSError:
                    pass
            while True:
                try:
                    _, status = os.waitpid(pid, 0)
                    break
                except InterruptedError:
                    continue
            os._exit(0)
        sealing.enter_init()  # PID 1 of the namespace
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1, signal.SIGUSR2):
            signal.signal(signum, signal.SIG_IGN)
        self.seal = the_seal
        self.vm_base = _vm_bytes()
        self.workdir = tempfile.mkdtemp(prefix=".grade-", dir=sealing.SCRATCH)
        self.cwd = sealing.SCRATCH
        self.isolation = the_seal.describe()
        self.reply(dict(answer, isolation=self.isolation))

    def spawn(self, session, memory_mb):
        self.count += 1
        out_path = os.path.join(self.workdir, "output-%d.txt" % self.count)
        req_r, req_w = os.pipe()
        resp_r, resp_w = os.pipe()
        out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        pid = os.fork()
        if pid == 0:  # the child: never returns
            try:
                devnull = os.open(os.devnull, os.O_RDONLY)
                os.dup2(devnull, 0)
                os.dup2(out_fd, 1)
                os.dup2(out_fd, 2)
                _close_fds({req_r, resp_w})
                _child_main(self.path, self.code, self.module_name, req_r, resp_w, memory_mb, self.cwd,
                            self.seal, self.vm_base)
            finally:
                os._exit(70)
        os.close(req_r)
        os.close(resp_w)
        os.close(out_fd)
        os.set_blocking(req_w, False)
        self.child = _Child(session, pid, req_w, resp_r, out_path)

    def call(self, request, frame):
        session = request["session"]
        deadline = time.monotonic() + float(request["timeout"])
        if self.child is not None and self.child.session != session:
            self.child.kill(everything=self.seal is not None)
            self.child = None
        if self.child is None:
            self.spawn(session, request.get("memory_mb"))
        child = self.child
        try:
            _write_all(child.req, protocol.HEADER.pack(len(frame)) + frame, deadline)
            answer = protocol.read_frame_fd(child.resp, deadline, MAX_ANSWER)
        except protocol.FrameTooLarge:
            output = child.output()
            child.kill(everything=self.seal is not None)
            self.child = None
            return self.reply({"status": "too_large", "output": output, "limit_mb": MAX_ANSWER // 2**20})
        except TimeoutError:
            output = child.output()
            child.kill(everything=self.seal is not None)
            self.child = None
            return self.reply({"status": "timeout", "output": output})
        except (OSError, protocol.ProtocolError):
            answer = None
        if answer is None:  # the child died
            output = child.output()
            code = child.kill(everything=self.seal is not None)
            self.child = None
            return self.reply({"status": "crashed", "returncode": code, "output": output})
        self.reply({"status": "answered", "output": child.output()}, answer)

    def serve(self):
        while True:
            frame = protocol.read_frame(self.channel_in)
            if frame is None:
                break
            request = protocol.loads(frame)
            if request["op"] == "load":
                self.load(request)
            elif request["op"] == "call":
                self.call(request, frame)
        if self.child is not None:
            self.child.kill(everything=self.seal is not None)
        elif self.seal is not None:
            kill_everything()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)


def _write_all(fd, data, deadline):
    view = memoryview(data)
    while view:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        _, writable, _ = select.select([], [fd], [], remaining)
        if writable:
            try:
                written = os.write(fd, view[:65536])
            except BlockingIOError:
                continue
            view = view[written:]


def main():
    sealing.prepare()  # while the grader imports its own modules
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    channel_in = os.fdopen(os.dup(0), "rb")
    channel_out = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    Zygote(channel_in, channel_out).serve()
    os._exit(0)  # nothing left to flush: skip the interpreter's teardown, which the grader waits for


def launcher():
    """``worker.py --launcher``: hand out fresh workers, forked from this process.

    Batch grading starts one per grading process, so that each submission's worker
    skips Python's start and NumPy's import. This process never loads a learner's file:
    a forked worker starts exactly as ``main()`` would, and its Python and NumPy random
    states are seeded afresh. Requests come on a Unix socket (stdin): two file
    descriptors (the worker's channels); the answer is the worker's pid.
    """
    import random
    import socket
    import struct

    def reap(*_):  # waited for (not ignored), so that their CPU time is accounted
        try:
            while os.waitpid(-1, os.WNOHANG)[0] > 0:
                pass
        except ChildProcessError:
            pass

    sealing.prepare()  # once, for every worker forked from here
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, reap)
    sock = socket.socket(fileno=os.dup(0))
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(sock, 16, 2)
        except OSError:
            break
        if not message or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            if not message:
                break
            continue
        pid = os.fork()
        if pid == 0:  # a new worker: never returns
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                sock.close()
                random.seed()
                numpy.random.seed()
                Zygote(os.fdopen(fds[0], "rb"), os.fdopen(fds[1], "wb")).serve()
            finally:
                os._exit(0)
        for fd in fds:
            os.close(fd)
        try:
            sock.sendall(struct.pack("!i", pid))
        except OSError:
            break
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    try:
        while os.wait()[0] > 0:  # the last workers end when their grader closes their channel
            pass
    except ChildProcessError:
        pass


if __name__ == "__main__":
    if sys.argv[1:] == ["--launcher"]:
        launcher()
    else:
        main()
