"""A control group per submission: one memory and process budget for all it starts.

Resource limits (``setrlimit``) hold per process; a submission that forks holds as many
times its memory limit as it has processes. Where the grader may create control groups
(root, with cgroup v1's ``memory`` and ``pids`` controllers, or cgroup v2 with them
enabled below the grader's own group), each sandbox's worker goes into a group of its own
below the grader's, whose memory limit is set before every call (the exercise's limit and
the scratch) and whose process count is capped. The kernel then kills the learner's
largest process when the submission as a whole goes over (the worker's init is shielded,
``oom_score_adj``). Elsewhere this does nothing, and the per-process limits stay.
"""

from __future__ import annotations

import itertools
import os
import time

SLACK_MB = 48  # the worker's init and the learner's Python beside the exercise's own memory
_counter = itertools.count()
_roots = None


def _mounts():
    """``{controller: folder of this process's own group}`` for memory and pids."""
    mounts = {}
    try:
        with open("/proc/self/mountinfo") as f:
            lines = f.read().splitlines()
        with open("/proc/self/cgroup") as f:
            own = [line.split(":", 2) for line in f.read().splitlines()]
    except OSError:
        return {}
    for line in lines:
        head, _, tail = line.partition(" - ")
        fields, extra = head.split(), tail.split()
        if len(fields) < 5 or len(extra) < 3:
            continue
        point, fstype, options = fields[4], extra[0], extra[2].split(",")
        for _, controllers, path in own:
            if fstype == "cgroup" and controllers:
                for name in ("memory", "pids"):
                    if name in controllers.split(",") and name in options and name not in mounts:
                        mounts[name] = os.path.join(point, path.lstrip("/"))
            elif fstype == "cgroup2" and controllers == "" and "v2" not in mounts:
                mounts["v2"] = os.path.join(point, path.lstrip("/"))
    if "v2" in mounts and not ({"memory", "pids"} <= set(mounts)):
        folder = mounts["v2"]
        try:
            with open(os.path.join(folder, "cgroup.subtree_control")) as f:
                enabled = set(f.read().split())
        except OSError:
            enabled = set()
        if {"memory", "pids"} <= enabled:
            return {"v2": folder}
    mounts.pop("v2", None)
    return mounts if {"memory", "pids"} <= set(mounts) else {}


def _write(path, value):
    with open(path, "w") as f:
        f.write(str(value))


class Group:
    """The control group of one sandbox (see the module's text)."""

    def __init__(self, folders, v2):
        self.folders = folders
        self.v2 = v2
        self.memory_mb = None

    @classmethod
    def create(cls, pids_max=24):
        """A new group, or None where this host or user cannot have one."""
        global _roots
        if os.environ.get("GROKKING_SANDBOX_CGROUP", "1") == "0" or not hasattr(os, "geteuid"):
            return None
        if _roots is None:
            _roots = _mounts() if os.geteuid() == 0 else {}
        if not _roots:
            return None
        name = "grokking-%d-%d" % (os.getpid(), next(_counter))
        folders = sorted({os.path.join(folder, name) for folder in _roots.values()})
        made = []
        try:
            for folder in folders:
                os.mkdir(folder)
                made.append(folder)
            group = cls(folders, v2="v2" in _roots)
            group._set("pids.max", pids_max)
            if group.v2:
                group._set("memory.swap.max", 0, quiet=True)
            return group
        except OSError:
            for folder in reversed(made):
                try:
                    os.rmdir(folder)
                except OSError:
                    pass
            _roots = {}  # not allowed here: do not try again
            return None

    def _set(self, key, value, quiet=False):
        for folder in self.folders:
            path = os.path.join(folder, key)
            if os.path.exists(path):
                try:
                    _write(path, value)
                except OSError:
                    if not quiet:
                        raise

    def add(self, pid):
        """Put process ``pid`` (and everything it will start) in the group."""
        self._set("cgroup.procs", pid)

    def limit(self, memory_mb, scratch_mb):
        """Cap the memory of everything in the group (set before each call)."""
        if memory_mb == self.memory_mb:
            return
        limit = (int(memory_mb) + int(scratch_mb) + SLACK_MB) * 2**20
        if self.v2:
            self._set("memory.max", limit, quiet=True)
        else:
            # memsw (memory and swap) must never be below the memory limit: widen, set, narrow.
            self._set("memory.memsw.limit_in_bytes", -1, quiet=True)
            self._set("memory.limit_in_bytes", limit, quiet=True)
            self._set("memory.memsw.limit_in_bytes", limit, quiet=True)
        self.memory_mb = memory_mb

    def close(self, wait=2.0):
        """Remove the group once its processes are gone (they are being killed)."""
        deadline = time.monotonic() + wait
        for folder in self.folders:
            while True:
                try:
                    os.rmdir(folder)
                    break
                except FileNotFoundError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0.01)
