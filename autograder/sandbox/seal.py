"""The wall around a learner's process: Linux namespaces, an unprivileged identity, limits.

The worker (``worker.py``) calls :func:`seal` once it has imported NumPy and compiled the
learner's file, before any of the learner's code runs. Sealing is what the sandboxes of
programming-contest judges do (IOI's isolate, nsjail, bubblewrap), done here through the
kernel's own interfaces with the standard library (``ctypes``), so that nothing has to be
installed or left running:

- **namespaces**: a mount namespace whose root is a fresh tmpfs holding, read-only, only
  Python's standard library, NumPy and the system's shared libraries (site-packages, the
  kit, the reference solutions, the submissions, the host's ``/tmp`` and every other
  file of the host are simply not there); a PID namespace whose first process (the
  worker's *init*) reaps and kills everything the learner's code starts; a network
  namespace without interfaces; IPC and UTS namespaces of its own. When the grader is
  not root, a user namespace comes first (where the kernel allows it);
- **identity**: the learner's processes run as an unprivileged uid/gid (``nobody`` by
  default) when the grader is root, with no capabilities, ``no_new_privs`` and no
  supplementary groups; without root, as the grader's own uid inside the user namespace,
  with every capability dropped;
- **scratch**: a size-capped tmpfs at ``/tmp``, gone with the namespace.

:func:`seal` returns a :class:`Seal` describing what holds, or raises :class:`Unsealable`
with the reason (the caller decides whether grading may go on without it). Everything here
uses only the standard library: the worker imports it before any learner's code.
"""

from __future__ import annotations

import ctypes
import errno
import os
import platform
import sys
import sysconfig

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_RDONLY = 1
MS_NOSUID = 2
MS_NODEV = 4
MS_NOEXEC = 8
MS_REMOUNT = 32
MS_NOATIME = 1024
MS_NODIRATIME = 2048
MS_BIND = 4096
MS_REC = 16384
MS_PRIVATE = 1 << 18
MS_RELATIME = 1 << 21
MNT_DETACH = 2

PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_CAPBSET_DROP = 24
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4

# System call numbers that libc does not wrap on every system.
_SYSCALLS = {
    "x86_64": {"pivot_root": 155, "capset": 126, "keyctl": 250},
    "aarch64": {"pivot_root": 41, "capset": 91, "keyctl": 219},
    "riscv64": {"pivot_root": 41, "capset": 91, "keyctl": 219},
    "ppc64le": {"pivot_root": 203, "capset": 184, "keyctl": 271},
    "s390x": {"pivot_root": 217, "capset": 185, "keyctl": 280},
}
KEYCTL_JOIN_SESSION_KEYRING = 1

# A seccomp filter for the learner's processes: system calls that hold memory outside
# every limit (memfd, SysV shared memory), reach state shared between sandboxes of one
# uid (the kernel's keyrings), or make namespaces and mounts of their own, fail with
# EPERM; clone3 says ENOSYS (its flags cannot be inspected: the C library falls back to
# clone, whose namespace flags are refused). Numbers per processor, with its audit arch.
_FILTERED = {
    "x86_64": (0xC000003E, {"memfd_create": 319, "memfd_secret": 447, "shmget": 29, "msgget": 68, "semget": 64,
                            "add_key": 248, "request_key": 249, "keyctl": 250, "unshare": 272, "setns": 308,
                            "mount": 165, "umount2": 166, "pivot_root": 155, "ptrace": 101, "bpf": 321,
                            "perf_event_open": 298, "userfaultfd": 323, "io_uring_setup": 425,
                            "process_vm_readv": 310, "process_vm_writev": 311, "open_tree": 428, "move_mount": 429,
                            "fsopen": 430, "fsmount": 432, "mount_setattr": 442},
               56, 435),
    "aarch64": (0xC00000B7, {"memfd_create": 279, "memfd_secret": 447, "shmget": 194, "msgget": 186, "semget": 190,
                             "add_key": 217, "request_key": 218, "keyctl": 219, "unshare": 97, "setns": 268,
                             "mount": 40, "umount2": 39, "pivot_root": 41, "ptrace": 117, "bpf": 280,
                             "perf_event_open": 241, "userfaultfd": 282, "io_uring_setup": 425,
                             "process_vm_readv": 270, "process_vm_writev": 271, "open_tree": 428, "move_mount": 429,
                             "fsopen": 430, "fsmount": 432, "mount_setattr": 442},
                220, 435),
}
CLONE_NAMESPACES = 0x7E020000  # every CLONE_NEW* flag, cgroup's included
# Signals to the namespace's init (PID 1) fail with EPERM. The kernel already drops those
# the init has no handler for, but in a user namespace the learner shares the init's uid,
# so the call itself would succeed: refused here, as for an unprivileged grader's learner.
# {processor: ({call: number} whose first argument is a process, {...} whose first or second is)}
_TO_INIT = {
    "x86_64": ({"kill": 62, "tkill": 200, "rt_sigqueueinfo": 129, "pidfd_open": 434},
               {"tgkill": 234, "rt_tgsigqueueinfo": 297}),
    "aarch64": ({"kill": 129, "tkill": 130, "rt_sigqueueinfo": 138, "pidfd_open": 434},
                {"tgkill": 131, "rt_tgsigqueueinfo": 240}),
}

DEFAULT_UID = 65534  # nobody
DEFAULT_GID = 65534  # nogroup
SCRATCH = "/tmp"

# Standard folders of shared libraries: what a module of the standard library loads
# (libffi for ctypes, libmpdec for decimal...) lives there.
LIBRARY_DIRS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/lib32", "/usr/lib32")
FILES = ("/etc/ld.so.cache",)
DEVICES = ("/dev/null", "/dev/zero", "/dev/random", "/dev/urandom")


class Unsealable(OSError):
    """This host cannot seal a learner's process: says why, and what would enable it."""


class Seal:
    """What holds around the learner's code once :func:`seal` has run."""

    def __init__(self, namespaces, uid, gid, user_namespace, scratch_mb):
        self.namespaces = namespaces
        self.uid = uid
        self.gid = gid
        self.user_namespace = user_namespace
        self.scratch_mb = scratch_mb

    def describe(self) -> str:
        return "sealed: %s namespaces, uid %d, %d MB scratch, no network" % (
            "+".join(self.namespaces), self.uid, self.scratch_mb)


_libc = None


def _lib():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
        _libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]
        _libc.unshare.argtypes = [ctypes.c_int]
        _libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return _libc


def _check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


def _b(path):
    return None if path is None else os.fsencode(path)


def mount(source, target, fstype, flags, data=None):
    _check(_lib().mount(_b(source), _b(target), _b(fstype), flags, _b(data)), "mount %s" % target)


def prctl(option, arg2=0, arg3=0, arg4=0, arg5=0):
    _check(_lib().prctl(option, arg2, arg3, arg4, arg5), "prctl %d" % option)


def _syscall(name, *args):
    numbers = _SYSCALLS.get(platform.machine())
    if numbers is None:
        raise Unsealable("no known system call numbers for %s" % platform.machine())
    _check(_lib().syscall(numbers[name], *args), name)


def supported() -> str:
    """Why this host cannot seal at all (empty when it might)."""
    if not sys.platform.startswith("linux"):
        return "namespaces are a Linux feature; on %s only the process limits hold" % sys.platform
    if platform.machine() not in _SYSCALLS:
        return "sealing is not supported on %s processors" % platform.machine()
    return ""


# ------------------------------------------------------------------------ the view


def _mapped_library_dirs():
    """Folders of the shared libraries this process has loaded (libpython, libc...)."""
    paths = set()
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                parts = line.split(None, 5)
                if len(parts) == 6 and parts[5].startswith("/") and ".so" in parts[5]:
                    paths.add(parts[5].strip())
    except OSError:
        pass
    return {os.path.dirname(p) for p in paths if ".so" in os.path.basename(p) and os.path.isfile(p)}


def _numpy_dirs():
    numpy = sys.modules.get("numpy")
    if numpy is None:
        return []
    package = os.path.dirname(os.path.realpath(numpy.__file__))
    dirs = [package]
    libs = package + ".libs"  # the wheel's bundled OpenBLAS and friends
    if os.path.isdir(libs):
        dirs.append(libs)
    return dirs


def _inside(path, parents):
    return any(path == p or path.startswith(p.rstrip("/") + "/") for p in parents)


_base = None


def prepare():
    """Work out the view of the file system once, before a submission arrives (the
    worker calls it while it waits; forked workers inherit it)."""
    global _base
    if _base is None and not supported():
        _base = _base_view()
    return _base


def view(hidden=()):
    """``(binds, masks, narrow, links)``: what the learner's root holds, read-only.

    ``binds`` are host folders seen at the same paths; ``masks`` are folders beneath them
    replaced by empty ones (every site-packages, the kit, ``hidden``); ``narrow`` are
    folders bound again inside the masks (NumPy, which lives in a site-packages);
    ``links`` are the symbolic links among the standard library folders, made again.
    """
    binds, masks, narrow, links = prepare() or _base_view()
    masks = set(masks)
    for path in hidden:
        real = os.path.realpath(path)
        if os.path.isdir(real) and _inside(real, binds) and not _inside(real, masks):
            masks.add(real)
    return binds, _outermost(masks), narrow, links


def _outermost(paths):
    return sorted(p for p in paths if not _inside(p, [o for o in paths if o != p]))


def _base_view():
    """:func:`view` without the hidden folders (the same for every submission)."""
    stdlib = os.path.realpath(sysconfig.get_paths()["stdlib"])
    binds = {stdlib}
    for entry in sys.path:
        if entry and os.path.basename(entry) == "lib-dynload" and os.path.isdir(entry):
            binds.add(os.path.realpath(entry))
    numpy_dirs = _numpy_dirs()
    for folder in _mapped_library_dirs():
        real = os.path.realpath(folder)
        if not _inside(real, numpy_dirs):
            binds.add(real)
    binds |= {d for d in LIBRARY_DIRS if os.path.isdir(d) and not os.path.islink(d)}
    links = {d: os.readlink(d) for d in LIBRARY_DIRS if os.path.islink(d)}  # /lib -> usr/lib on merged-/usr hosts
    binds = _outermost(binds)

    masks = set()
    for bound in binds:
        for pattern_root in (bound, os.path.join(bound, "python3"),
                             *(os.path.join(bound, n) for n in _listdir(bound) if n.startswith("python3"))):
            for name in ("site-packages", "dist-packages"):
                candidate = os.path.join(pattern_root, name)
                if os.path.isdir(candidate):
                    masks.add(os.path.realpath(candidate))
    return binds, _outermost(masks), numpy_dirs, links


def _listdir(path):
    try:
        return os.listdir(path)
    except OSError:
        return []


def _mount_flags(path):
    """The flags a read-only bind of ``path`` must keep (a user namespace refuses to
    drop nosuid, nodev, noexec or the atime mode of a mount it did not make)."""
    flags = MS_NOSUID | MS_NODEV | MS_RDONLY
    try:
        f = os.statvfs(path).f_flag
    except OSError:
        return flags
    if f & os.ST_NOEXEC:
        flags |= MS_NOEXEC
    if f & os.ST_NOATIME:
        flags |= MS_NOATIME
    if f & os.ST_NODIRATIME:
        flags |= MS_NODIRATIME
    if f & getattr(os, "ST_RELATIME", 4096):
        flags |= MS_RELATIME
    return flags


def _bind(source, root, *, readonly=True):
    target = root + source
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if not os.path.exists(target):
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o644))
    mount(source, target, None, MS_BIND | MS_REC)
    if readonly:
        mount(None, target, None, MS_BIND | MS_REMOUNT | _mount_flags(source))


def _write(path, text):
    with open(path, "w") as f:
        f.write(text)


# ------------------------------------------------------------------------ sealing


def seal(root, *, uid=DEFAULT_UID, gid=DEFAULT_GID, scratch_mb=64, hidden=(), markers=()):
    """Move this process (the worker, single-threaded) into new namespaces whose root is
    a tmpfs mounted on the folder ``root``, which must exist. Its next child is the PID
    namespace's init: it must call :func:`enter_init`. Returns a :class:`Seal`.

    ``hidden``: folders to hide even if they lie inside what is bound; ``markers``: files
    that must not be visible once sealed (the kit's, the submission): checked, fail closed."""
    reason = supported()
    if reason:
        raise Unsealable(reason)
    flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
    names = ["mount", "pid", "net", "ipc", "uts"]
    user_namespace = os.geteuid() != 0
    outer_uid, outer_gid = os.geteuid(), os.getegid()
    _oom_score(-1000)  # the init outlives any learner's process when memory runs out
    binds, masks, narrow, links = view(hidden)
    try:
        _check(_lib().unshare(flags | (CLONE_NEWUSER if user_namespace else 0)), "unshare")
    except OSError as exc:
        if user_namespace:
            raise Unsealable("unprivileged user namespaces are disabled on this host (%s); enable them "
                             "(sysctl kernel.unprivileged_userns_clone=1 or user.max_user_namespaces > 0, "
                             "or an AppArmor profile that allows them) or grade as root" % exc.strerror) from None
        raise Unsealable("the kernel refused new namespaces (%s): in a container, allow unshare "
                         "(e.g. --cap-add SYS_ADMIN, or a seccomp profile that permits it)" % exc.strerror) from None
    if user_namespace:
        names.insert(0, "user")
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", "%d %d 1\n" % (outer_uid, outer_uid))
        _write("/proc/self/gid_map", "%d %d 1\n" % (outer_gid, outer_gid))
        uid, gid = outer_uid, outer_gid
    try:
        mount(None, "/", None, MS_REC | MS_PRIVATE)
        mount("sandbox-root", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=16m,nr_inodes=4096,mode=0755")
        # The scratch first: what is bound below /tmp (a virtual environment there) stays visible.
        os.makedirs(root + SCRATCH, exist_ok=True)
        mount("scratch", root + SCRATCH, "tmpfs", MS_NOSUID | MS_NODEV,
              "size=%dm,nr_inodes=%d,mode=1777" % (int(scratch_mb), 4096))
        for source in binds:
            _bind(source, root)
        for path in masks:
            os.makedirs(root + path, exist_ok=True)
            mount("hidden", root + path, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,nr_inodes=64,mode=0755")
        for source in narrow:
            _bind(source, root)
        for path in masks:
            mount(None, root + path, None, MS_REMOUNT | MS_NOSUID | MS_NODEV | MS_RDONLY)
        for path, target in links.items():
            os.symlink(target, root + path)
        for path in FILES:
            if os.path.isfile(path):
                _bind(path, root)
        for path in DEVICES:
            if os.path.exists(path):
                _bind(path, root, readonly=False)
        os.makedirs(root + "/proc", exist_ok=True)
        os.chdir(root)
        _syscall("pivot_root", b".", b".")
        _check(_lib().umount2(b".", MNT_DETACH), "umount the host's root")
        os.chdir("/")
        mount(None, "/", None, MS_REMOUNT | MS_NOSUID | MS_NODEV | MS_RDONLY)
    except OSError as exc:
        raise Unsealable("could not build the sandbox's file system view: %s" % exc) from None
    for path in markers:
        if os.path.exists(path):
            raise Unsealable("%s is still visible inside the sandbox" % path)
    return Seal(names, uid, gid, user_namespace, scratch_mb)


def enter_init():
    """In the PID namespace's first process: a /proc of its own, and nobody may inspect it."""
    try:
        prctl(PR_SET_PDEATHSIG, 9)  # the worker gone, the whole namespace goes
        prctl(PR_SET_DUMPABLE, 0)
    except OSError:
        pass
    try:
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except OSError:
        pass  # a container that hides parts of its /proc forbids a new one: the learner has none


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _oom_score(value):
    try:
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write(str(value))
    except OSError:  # lowering needs root: a user namespace keeps the default
        pass


def drop_privileges(the_seal):
    """In a learner's process, before its code runs: the unprivileged identity, no
    capabilities (also inside a user namespace), and no way to gain any; a session
    keyring of its own (the grader's keys are not the learner's to possess); the first to
    be killed when its group runs out of memory."""
    _oom_score(1000)
    try:
        numbers = _SYSCALLS[platform.machine()]
        if _lib().syscall(numbers["keyctl"], KEYCTL_JOIN_SESSION_KEYRING, None) < 0:
            pass  # keyrings turned off in this kernel: nothing to inherit either
    except (KeyError, OSError):
        pass
    for cap in range(64):
        try:
            prctl(PR_CAPBSET_DROP, cap)
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # past the last capability this kernel knows
                break
            if exc.errno != errno.EPERM:
                raise
    try:
        prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    except OSError:
        pass
    if not the_seal.user_namespace:
        os.setgroups([])
        os.setresgid(the_seal.gid, the_seal.gid, the_seal.gid)
        os.setresuid(the_seal.uid, the_seal.uid, the_seal.uid)
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3
    data = (_CapData * 2)()
    _syscall("capset", ctypes.byref(header), ctypes.byref(data))
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    prctl(PR_SET_DUMPABLE, 1)  # its own /proc entries stay its own (the init is not dumpable)
    install_filter()


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def filter_program(machine=None):
    """The seccomp program (BPF) of :data:`_FILTERED` for ``machine``, as (code, jt, jf, k)."""
    machine = machine or platform.machine()
    arch, numbers, clone, clone3 = _FILTERED[machine]
    LD, JEQ, JSET, JGE, RET = 0x20, 0x15, 0x45, 0x35, 0x06
    ALLOW, KILL, DENY, NOSYS = 0x7FFF0000, 0x80000000, 0x00050000 | errno.EPERM, 0x00050000 | errno.ENOSYS
    blocked = sorted(set(numbers.values()))
    prog = [(LD, 0, 0, 4), (JEQ, 1, 0, arch), (RET, 0, 0, KILL), (LD, 0, 0, 0)]
    # After the checks below: [allow, deny, nosys, clone's flags check...]
    checks = []
    if machine == "x86_64":
        checks.append(("ge", 0x40000000))  # the x32 ABI: not Python's
    first, either = _TO_INIT.get(machine, ({}, {}))
    checks += [("eq", n) for n in blocked] + [("clone3", clone3), ("clone", clone)]
    checks += [("first", n) for n in sorted(first.values())] + [("either", n) for n in sorted(either.values())]
    count = len(checks)
    allow_at = len(prog) + count  # index of RET ALLOW
    # Where each kind of check jumps, counted from RET ALLOW (the blocks after it, below).
    target = {"ge": 1, "eq": 1, "clone3": 2, "clone": 3, "first": 7, "either": 11}
    for kind, value in checks:
        to_allow = allow_at - len(prog) - 1
        prog.append(((JGE if kind == "ge" else JEQ), to_allow + target[kind], 0, value))
    # The arguments' low 32 bits: the kernel reads a pid as an int.
    prog += [(RET, 0, 0, ALLOW), (RET, 0, 0, DENY), (RET, 0, 0, NOSYS),
             # +3: clone, with a new namespace among its flags
             (LD, 0, 0, 16), (JSET, 0, 1, CLONE_NAMESPACES), (RET, 0, 0, DENY), (RET, 0, 0, ALLOW),
             # +7: the first argument is PID 1
             (LD, 0, 0, 16), (JEQ, 0, 1, 1), (RET, 0, 0, DENY), (RET, 0, 0, ALLOW),
             # +11: the first or the second argument is PID 1
             (LD, 0, 0, 16), (JEQ, 2, 0, 1), (LD, 0, 0, 24), (JEQ, 0, 1, 1), (RET, 0, 0, DENY),
             (RET, 0, 0, ALLOW)]
    return prog


def install_filter():
    """Apply :func:`filter_program` to this process and all it starts (needs no_new_privs)."""
    if platform.machine() not in _FILTERED:
        return
    prog = filter_program()
    array = (_SockFilter * len(prog))(*[_SockFilter(*ins) for ins in prog])
    fprog = _SockFprog(len(prog), array)
    PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
    _check(_lib().prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog), 0, 0), "seccomp")


def make_undumpable():
    """The grading process: no other process of its user may read its memory or files
    under /proc (ptrace, /proc/PID/mem, /proc/PID/environ)."""
    if sys.platform.startswith("linux"):
        try:
            prctl(PR_SET_DUMPABLE, 0)
        except OSError:
            pass
