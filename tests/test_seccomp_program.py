"""The seccomp program of the learner's processes, run by a small BPF interpreter: what it
refuses and what it lets through, on every processor it knows (no sandbox needed)."""

import errno
import struct

import pytest

from autograder.sandbox.seal import _FILTERED, _TO_INIT, filter_program

ALLOW, DENY, NOSYS, KILL = 0x7FFF0000, 0x00050000 | errno.EPERM, 0x00050000 | errno.ENOSYS, 0x80000000


def verdict(prog, nr, arch, *args):
    """What ``prog`` answers for system call ``nr`` with ``args`` (the classic BPF subset it uses)."""
    data = struct.pack("<iIQ6Q", nr, arch, 0, *(list(args) + [0] * (6 - len(args))))
    acc, pc = 0, 0
    for _ in range(len(prog) + 1):  # no loops in BPF: a longer run would be a broken program
        code, jt, jf, k = prog[pc]
        if code == 0x20:
            acc, pc = struct.unpack_from("<I", data, k)[0], pc + 1
        elif code in (0x15, 0x35, 0x45):
            taken = {0x15: acc == k, 0x35: acc >= k, 0x45: bool(acc & k)}[code]
            pc += 1 + (jt if taken else jf)
        elif code == 0x06:
            return k
        else:
            raise AssertionError("instruction %#x" % code)
    raise AssertionError("the program does not end")


@pytest.mark.parametrize("machine", sorted(_FILTERED))
def test_the_filter_refuses_what_it_lists_and_lets_the_rest_through(machine):
    prog = filter_program(machine)
    arch, numbers, clone, clone3 = _FILTERED[machine]
    first, either = _TO_INIT[machine]
    assert verdict(prog, 1, arch ^ 1) == KILL  # another processor's calls
    for nr in numbers.values():
        assert verdict(prog, nr, arch) == DENY
    assert verdict(prog, clone3, arch) == NOSYS
    assert verdict(prog, clone, arch, 0x10000000) == DENY  # CLONE_NEWUSER
    assert verdict(prog, clone, arch, 0x11) == ALLOW  # a plain fork
    for nr in first.values():  # kill(1, ...), pidfd_open(1): the namespace's init
        assert verdict(prog, nr, arch, 1, 9) == DENY
        assert verdict(prog, nr, arch, 5, 9) == ALLOW
        assert verdict(prog, nr, arch, 2**64 - 1, 9) == ALLOW  # kill(-1): every process but the init
    for nr in either.values():  # tgkill(tgid, tid, sig)
        assert verdict(prog, nr, arch, 1, 1, 9) == DENY
        assert verdict(prog, nr, arch, 5, 1, 9) == DENY
        assert verdict(prog, nr, arch, 5, 6, 9) == ALLOW
    assert verdict(prog, 0, arch) == ALLOW  # read (x86_64) / io_setup (aarch64)
