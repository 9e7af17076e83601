"""The seal, attacked as a contest judge's red team would: small lesson3 files that try to
get around each wall of the sandbox (``autograder/sandbox/seal.py`` and ``worker.py``).

The tests that fail here are attacks that work today; each says which limit it passes and
what it costs the host, the grader or the classmates. The ones that pass are a few
representative attacks that the seal blocks (sockets of the host, the init process, a
nested user namespace). Sizes are kept small: each attack stops as soon as it has shown
that a limit does not hold, so that running these tests never endangers a shared host.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import socket

import pytest

from autograder import sandbox
from autograder.grading.engine import grade

from test_seal import ISOLATION, LESSON, _write  # noqa: F401  (skips the module when the host cannot seal)

pytestmark = pytest.mark.seal

MEMORY_MB = 512  # lesson3's memory limit per exercise (memory_limit_mb in lesson3.toml)

# How a learner's process finds its answer channel: the write end among its pipes.
CHANNEL = r'''
import os, struct

def _channel():
    for fd in sorted(int(f) for f in os.listdir("/proc/self/fd")):
        try:
            if not os.readlink("/proc/self/fd/%d" % fd).startswith("pipe:"):
                continue
            flags = int(open("/proc/self/fdinfo/%d" % fd).read().split("flags:")[1].split()[0], 8)
        except (OSError, IndexError, ValueError):
            continue
        if flags & 3 == 1:
            return fd
    raise RuntimeError("no answer channel")
'''


def _values(result, exercise="w_sum"):
    return [outcome.value for c in result.checks if c.exercise == exercise for _, _, outcome in c.calls
            if outcome.status == "ok"]


# ----------------------------------------------------------------- attacks that work today


def test_memfd_memory_is_not_under_the_memory_limit(tmp_path):
    """RLIMIT_AS counts mapped memory only: the pages of a memfd (or of a SysV shared memory
    segment attached and detached again, or of socket buffers) are not mapped, so one
    process holds as much RAM as it writes. Each call here keeps 192 MB more; a real attack
    fills the host (and the OOM killer cannot blame the learner's process for memfd pages)."""
    attack = r'''
import os
_held = []
def w_sum(a, b):
    if 64 * len(_held) <= 2 * __LIMIT__:
        chunk = b"x" * 2**20
        for _ in range(3):
            fd = os.memfd_create("held")
            for _ in range(64):
                os.write(fd, chunk)
            _held.append(fd)
    return 64 * len(_held)
'''
    path = _write(tmp_path, "lesson3.py", attack, __LIMIT__=str(MEMORY_MB))
    held = max([v for v in _values(grade(LESSON, path, seed=1)) if isinstance(v, int)] or [0])
    assert held <= MEMORY_MB, "one process held %d MB in memfds past its %d MB limit" % (held, MEMORY_MB)


def _cgroups():
    from autograder.sandbox.cgroup import Group

    group = Group.create()
    if group is None:
        pytest.skip("no control group can be made here (root with cgroup memory and pids controllers): the "
                    "memory limit holds per process only")
    group.close()


def test_memory_is_capped_per_submission_not_per_process(tmp_path):
    """RLIMIT_AS is per process and RLIMIT_NPROC allows 16 of them: without a control group
    a submission would hold about 16 times its memory limit (here four processes of 200 MB,
    each under the limit). With one, the submission's whole budget is the exercise's limit,
    the scratch and a little for Python itself, and the kernel kills the largest process
    past it."""
    from autograder.sandbox.cgroup import SLACK_MB

    _cgroups()
    # Each child says it holds its 200 MB once they are resident; what counts is what is held
    # at the same time: the children that said so and are still alive (the kernel may kill an
    # earlier one to make room for a later one, which is the cap at work, not a way past it).
    attack = r'''
import os, select, time
import numpy as np
_r, _w = os.pipe()
_held = [0]
_children = []
def w_sum(a, b):
    if not _held:
        return 0
    if _held == [0]:
        _held.append("started")
        for _ in range(4):
            pid = os.fork()
            if pid == 0:
                try:
                    block = np.ones(200 * 2**20 // 8)  # touched: resident
                    os.write(_w, b"k")
                    time.sleep(60)
                finally:
                    os._exit(0)
            _children.append(pid)
        said = 0
        while said < 4 and select.select([_r], [], [], 3.0)[0]:
            said += len(os.read(_r, 16))
        alive = sum(1 for pid in _children if os.waitpid(pid, os.WNOHANG) == (0, 0))
        _held[0] = 200 * min(said, alive)
    return _held[0]
'''
    path = _write(tmp_path, "lesson3.py", attack)
    held = max([v for v in _values(grade(LESSON, path, seed=1)) if isinstance(v, int)] or [0])
    budget = MEMORY_MB + sandbox.policy.scratch_mb + SLACK_MB
    assert held <= budget, "the submission held %d MB at once (budget %d MB)" % (held, budget)


def test_the_scratch_caps_files_not_only_bytes(tmp_path):
    """The scratch tmpfs has size=64m but no nr_inodes: empty files and directories cost
    no blocks, so a learner makes hundreds of thousands of them (each an inode and a dentry
    of kernel memory, about 1 KB), kept for the whole grading of the file."""
    attack = r'''
import os, time
_n = [0]
def w_sum(a, b):
    end = time.monotonic() + 1.0
    base = "/tmp/d%d" % _n[0]
    try:
        os.mkdir(base)
        while time.monotonic() < end and _n[0] < 60000:
            for _ in range(500):
                os.mkdir("%s/%d" % (base, _n[0]))
                _n[0] += 1
    except OSError:
        pass
    return _n[0]
'''
    path = _write(tmp_path, "lesson3.py", attack)
    made = max([v for v in _values(grade(LESSON, path, seed=1)) if isinstance(v, int)] or [0])
    assert made < 60000, "the 64 MB scratch took %d directories" % made


@pytest.mark.skipif(os.geteuid() != 0, reason="in a user namespace each sandbox has keyrings of its own")
def test_nothing_is_left_in_the_kernel_keyring(tmp_path):
    """Every sandbox runs as uid 65534 of the host's user namespace, so they all share that
    uid's user keyring, which outlives every process: a key added by one submission is read
    by the next one graded (or by a classmate graded at the same time in `grade batch`)."""
    attack = r'''
import ctypes, os
_libc = ctypes.CDLL(None, use_errno=True)
def _read():
    kid = _libc.syscall(249, b"user", b"grokking-dead-drop", None, 0)   # request_key
    if kid < 0:
        return ""
    buf = ctypes.create_string_buffer(64)
    n = _libc.syscall(250, 11, kid, buf, 64)                         # keyctl(KEYCTL_READ)
    return buf.raw[:max(n, 0)].decode()
def w_sum(a, b):
    found = _read()
    _libc.syscall(248, b"user", b"grokking-dead-drop", __SECRET__, len(__SECRET__), -4)  # add_key to @u
    return found
'''
    first = _write(tmp_path, "first.py", attack, __SECRET__=repr(b"from the first submission"))
    second = _write(tmp_path, "second.py", attack, __SECRET__=repr(b"from the second submission"))
    grade(LESSON, first, seed=1)
    seen = _values(grade(LESSON, second, seed=1))
    try:
        assert "from the first submission" not in seen, "a submission read a key left by an earlier one"
    finally:  # leave the host's keyring of uid 65534 as it was
        cleanup = _write(tmp_path, "cleanup.py", r'''
import ctypes
_libc = ctypes.CDLL(None, use_errno=True)
def w_sum(a, b):
    kid = _libc.syscall(249, b"user", b"grokking-dead-drop", None, 0)
    if kid > 0:
        _libc.syscall(250, 21, kid)   # keyctl(KEYCTL_INVALIDATE)
    return 0
''')
        grade(LESSON, cleanup, seed=1)


def test_a_huge_answer_cannot_exhaust_the_grader(tmp_path):
    """The learner writes its own answer frames on its channel. Frames may be 256 MB, and a
    frame of "[]," decodes into one list object per 3 bytes (about 25 times its size in
    the grader), kept for the whole run in the check's record. Three 16 MB answers take the
    grader past 1 GB (run here under a 1 GB address-space limit so that the host is safe);
    256 MB answers on every call take down the host."""
    attack = CHANNEL + r'''
_sent = [0]
def w_sum(a, b):
    if _sent[0] < 3:
        _sent[0] += 1
        unit = b"[]," * (2**20 // 3)
        body = b'{"status": "ok", "mutated": [], "value": [' + unit * 16 + b'[]]}'
        os.write(_channel(), struct.pack(">Q", len(body)) + body)
        os._exit(0)  # the frame above is this call's answer
    return 0
'''
    path = _write(tmp_path, "lesson3.py", attack)

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (2**30, resource.RLIM_INFINITY))

    done = subprocess.run([sys.executable, "-m", "autograder.cli", LESSON, "--submission", str(path), "--format",
                           "json"], capture_output=True, text=True, cwd=tmp_path, timeout=600, preexec_fn=limit)
    assert done.returncode == 1, done.stderr[-2000:]
    report = json.loads(done.stdout)
    blamed = [t["name"] for t in report["tests"] if "grader itself failed" in t["output"]]
    assert not blamed, "the grader ran out of memory on the learner's answers: %s" % blamed


def test_a_forged_answer_frame_is_not_a_bug_of_the_kit(tmp_path):
    """An answer frame is trusted to be an object whose fields have the worker's types:
    a list, or "mutated" as a string, makes the grader fail with "the grader itself failed
    on this check (not your fault; please report it)" instead of a learner's message."""
    attack = CHANNEL + r'''
def _send(body):
    os.write(_channel(), struct.pack(">Q", len(body)) + body)
    os._exit(0)
def w_sum(a, b):
    _send(b'{"status": "ok", "value": 0.98, "mutated": "abc"}')
def ele_mul(a, b):
    _send(b'[1, 2, 3]')
'''
    path = _write(tmp_path, "lesson3.py", attack)
    result = grade(LESSON, path, seed=1)
    assert result.score == 0
    blamed = [(c.name, c.internal_error) for c in result.checks if c.internal_error]
    assert not blamed, blamed


# ----------------------------------------------------------- representative blocked attacks


def test_the_hosts_sockets_are_out_of_reach(tmp_path):
    """An abstract Unix socket and a TCP service on 127.0.0.1 of the host: neither answers."""
    name = b"\0grokking-redteam-%d" % os.getpid()
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    abstract.bind(name)
    abstract.listen(4)
    tcp = socket.socket()
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(4)
    accepted = []

    def serve(sock):
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(sock.accept())
            except OSError:
                pass

    stop = threading.Event()
    threads = [threading.Thread(target=serve, args=(s,), daemon=True) for s in (abstract, tcp)]
    for t in threads:
        t.start()
    attack = r'''
import socket
def w_sum(a, b):
    got = []
    for family, address in ((socket.AF_UNIX, __ABSTRACT__), (socket.AF_INET, ("127.0.0.1", __PORT__))):
        try:
            s = socket.socket(family, socket.SOCK_STREAM)
            s.settimeout(0.5)
            s.connect(address)
            got.append("connected")
        except OSError as exc:
            got.append(exc.strerror)
    return got
'''
    path = _write(tmp_path, "lesson3.py", attack, __ABSTRACT__=repr(name), __PORT__=str(tcp.getsockname()[1]))
    try:
        seen = _values(grade(LESSON, path, seed=1))
    finally:
        stop.set()
        for t in threads:
            t.join()
        abstract.close()
        tcp.close()
    assert seen and not accepted and all("connected" not in v for v in seen), seen


def test_the_init_cannot_be_traced_signalled_or_read(tmp_path):
    """PID 1 of the learner's namespace (the worker's init, root when the grader is): no
    ptrace, no signal, none of its /proc entries that would lead back to the host."""
    attack = r'''
import ctypes, os, signal
def w_sum(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    reached = []
    if libc.ptrace(16, 1, None, None) == 0:          # PTRACE_ATTACH
        reached.append("ptrace")
    for sig in (signal.SIGKILL, signal.SIGSTOP, signal.SIGTERM):
        try:
            os.kill(1, sig)
            reached.append("signal %d" % sig)
        except OSError:
            pass
    for entry in ("root", "cwd", "fd", "map_files", "environ", "mem"):
        try:
            target = "/proc/1/" + entry
            os.listdir(target) if os.path.isdir(target) else open(target, "rb").read(1)
            reached.append(entry)
        except OSError:
            pass
    return reached
'''
    path = _write(tmp_path, "lesson3.py", attack)
    seen = _values(grade(LESSON, path, seed=1))
    assert seen and all(v == [] for v in seen), seen


def test_a_nested_user_namespace_cannot_lift_the_masks(tmp_path):
    """The learner may make a user namespace of its own (and be root in it), but the
    mounts it inherited are locked: the masks over site-packages and the scratch cannot be
    unmounted, and the read-only binds cannot be made writable."""
    attack = r'''
import ctypes, os
def w_sum(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
    libc.mount.argtypes = [ctypes.c_char_p] * 3 + [ctypes.c_ulong, ctypes.c_char_p]
    if libc.unshare(0x10000000 | 0x00020000) != 0:   # CLONE_NEWUSER | CLONE_NEWNS
        return ["no user namespace"]
    done = []
    for line in open("/proc/self/mountinfo"):
        point = line.split()[4]
        if point.startswith("/dev/"):  # the devices are bound writable on purpose
            continue
        if point != "/" and libc.umount2(point.encode(), 2) == 0:
            done.append("umount " + point)
        if libc.mount(None, point.encode(), None, 32 | 4096, None) == 0:  # MS_REMOUNT | MS_BIND, read-write
            done.append("remount " + point)
    return done
'''
    path = _write(tmp_path, "lesson3.py", attack)
    seen = _values(grade(LESSON, path, seed=1))
    assert seen and all(v in ([], ["no user namespace"]) for v in seen), seen
