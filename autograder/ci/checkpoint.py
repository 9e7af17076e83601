"""``grade batch --out DIR`` as a checkpoint: a rerun grades only what has no result yet.

Each result is written as soon as it is graded, beside it a small record
(``DIR/<student>/.<lesson>.checkpoint.json``) of what was graded: the SHA-256 of the
submission's content, the kit's version, the seed and the row of the summary. Both files
are written whole or not at all (a temporary file renamed over the target), the record
last, so an interrupted run leaves no half-written file and a record always has its
result beside it. A rerun with the same ``--out`` reuses a result when its record names
the same content, kit version and format (and the same seed when ``--seed`` is given),
and the same course secret or none (a record names a secret by a fingerprint from which
neither the secret nor a seed can be found, and writes a seed drawn from it as "secret");
``--force`` grades everything again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from fractions import Fraction
from pathlib import Path

RECORD_VERSION = 1


def digest(data: bytes) -> str:
    """The content hash a submission is known by."""
    return hashlib.sha256(data).hexdigest()


def read_submission(path):
    """``(kind, data)``: what the grader would see of ``path``, without following a link:
    ``("file", bytes)`` (at most one byte over the sandbox's size limit: a larger file is
    refused as too large all the same), or ``("symlink", b"")`` / ``("special", b"")``
    for what the grader refuses unread. Raises OSError when it cannot be read."""
    import stat

    from ..sandbox import MAX_SOURCE

    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return "symlink", b""
    if not stat.S_ISREG(info.st_mode):
        return "special", b""
    with open(path, "rb") as f:
        return "file", f.read(MAX_SOURCE + 1)


def fingerprint(kind, data):
    """The hash of a submission as :func:`read_submission` read it."""
    return digest(data) if kind == "file" else "%s:%s" % (kind, digest(data))


@functools.lru_cache(maxsize=None)
def kit_version() -> str:
    """The kit's version and a hash of everything that decides a grade: its code, lessons,
    traces, misconceptions and reference solutions (so an edited grader is a new version)."""
    from .. import __version__, reference

    package = Path(__file__).resolve().parents[1]  # the autograder package
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    solutions = reference.solutions_dir().resolve()
    if package not in solutions.parents:
        files += [p for p in solutions.glob("*.py") if p.is_file()]
    h = hashlib.sha256()
    for path in sorted(files, key=lambda p: (p.name, str(p))):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return "%s+%s" % (__version__, h.hexdigest()[:12])


def write_atomic(path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a crash or Ctrl-C leaves the old file
    or none, never part of the new one)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=".%s." % path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # as an ordinary new file, not mkstemp's 0600
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


@functools.lru_cache(maxsize=None)
def _umask():
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class Checkpoint:
    """The results already in ``out_dir``, and the writer of new ones."""

    def __init__(self, out_dir, fmt="json", *, seed=None, secret=None, force=False):
        from ..grading.secret import read

        self.out_dir = Path(out_dir)
        self.fmt = fmt
        self.seed = seed
        # The run's secret, as batch resolves it (the environment's when none is given).
        self.secret = None if seed is not None else (secret if secret is not None else read())
        self.force = force
        self.digests = {}  # (student, lesson) -> content hash of the file to grade

    def record_path(self, student, lesson):
        from .batch import result_path

        return result_path(self.out_dir, student, lesson, self.fmt).with_name(".%s.checkpoint.json" % lesson)

    def reuse(self, tasks) -> dict:
        """``{index: Row}`` of the tasks whose result is already in ``out_dir`` (none with
        ``force``); hashes every submission to know."""
        from .batch import Row, result_path
        from ..grading.secret import derive

        kept = {}
        for index, task in enumerate(tasks):
            if task.path is None:
                continue
            try:
                self.digests[(task.student, task.lesson)] = fingerprint(*read_submission(task.path))
            except OSError:
                continue  # the grading says what is wrong with it
            if self.force:
                continue
            try:
                record = json.loads(self.record_path(task.student, task.lesson).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(record, dict) or not self._matches(record, task):
                continue
            if not result_path(self.out_dir, task.student, task.lesson, self.fmt).is_file():
                continue
            row = record["row"]
            seed = derive(self.secret, task.lesson) if self.secret else None
            try:
                kept[index] = Row(task.student, task.lesson, str(task.path), row["status"],
                                  score=Fraction(row["score"]), max_score=Fraction(row["max_score"]),
                                  seconds=float(row["seconds"]), seed=seed or int(row["seed"]),
                                  message=str(row["message"]),
                                  grader=str(row["grader"]), named=list(row["misconceptions"]))
            except (KeyError, TypeError, ValueError, ZeroDivisionError):
                continue  # a damaged record: graded again
            task.seed = kept[index].seed
        return kept

    def _matches(self, record, task):
        row = record.get("row")
        return (record.get("version") == RECORD_VERSION and record.get("kit") == kit_version()
                and record.get("format") == self.fmt and isinstance(row, dict)
                and record.get("sha256") == self.digests[(task.student, task.lesson)]
                and row.get("status") in ("graded", "timeout", "killed")
                and record.get("secret") == self._secret_id()
                and (self.seed is None or row.get("seed") == self.seed))

    def _secret_id(self):
        from ..grading.secret import fingerprint

        return fingerprint(self.secret) if self.secret else None

    def save(self, row) -> None:
        """Write ``row``'s result, then its record (a submission the kit failed on, or one
        with no file, gets its result file but no record: a rerun tries it again). An
        earlier record goes first, so that no record ever vouches for another result."""
        from .batch import result_path, result_text
        from ..grading.secret import shown

        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.record_path(row.student, row.lesson))
        write_atomic(result_path(self.out_dir, row.student, row.lesson, self.fmt), result_text(row, self.fmt))
        sha = self.digests.get((row.student, row.lesson))
        if sha is None or row.status not in ("graded", "timeout", "killed"):
            return
        record = {"version": RECORD_VERSION, "kit": kit_version(), "format": self.fmt, "sha256": sha,
                  "secret": getattr(row.seed, "fingerprint", None),
                  "row": {"status": row.status, "score": str(row.score), "max_score": str(row.max_score),
                          "seconds": round(row.seconds, 3), "seed": shown(row.seed), "message": row.message,
                          "grader": row.grader, "misconceptions": row.misconceptions}}
        write_atomic(self.record_path(row.student, row.lesson), json.dumps(record))
