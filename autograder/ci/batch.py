"""Grading a whole class at once: many submissions, one or more lessons, all cores.

``grade batch submissions/ --lesson lesson3 --lesson lesson4 --jobs 2 --csv summary.csv
--out results/`` grades ``submissions/<student>/lesson3.py`` and ``lesson4.py`` of every
student. Sources may also be files or glob patterns (``'subs/*/lesson3.py'``).

Each submission is one call of the engine, in one of ``--jobs`` grading processes; the
engine runs the learner's file in its own sandboxed process as always. A hang, a crash or
a memory bomb costs that submission's points and nothing else; a submission that is not
finished after ``--timeout`` seconds is stopped (its grading process is replaced) and
scored 0 with the status ``timeout``.

Exit status: 0 every submission was graded, whatever its score (a missing file is
listed with the status ``missing`` and scores 0); 2 usage error (no submission found,
unknown lesson, bad option); 3 the kit itself failed on some submission (the others are
still graded and listed).
"""

from __future__ import annotations

import csv
import glob
import json
import os
import socket
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import click

from .. import catalogue

EXIT_GRADED, EXIT_BELOW, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
WORKER_ENV = {}  # environment of the grading processes, over this one's (their sealing policy)
DEFAULT_TIMEOUT = 300.0  # seconds per submission, a backstop behind the engine's own limits
STATUSES = ("graded", "missing", "timeout", "killed", "error")
HOST = socket.gethostname()  # the grader column of the local pool


class BatchUsageError(ValueError):
    """The sources or options do not name any submission to grade."""


@dataclass
class Task:
    """One learner's file for one lesson (``path`` is None when the file is missing)."""

    student: str
    lesson: str
    path: Path | None
    seed: object = 0  # an int, or a SecretSeed under the course's secret


@dataclass
class Row:
    """What grading one task gave: a line of the class summary."""

    student: str
    lesson: str
    submission: str
    status: str  # graded, missing, timeout, killed (its grading worker died, twice) or error (the kit failed)
    score: Fraction = Fraction(0)
    max_score: Fraction = Fraction(0)
    seconds: float = 0.0
    seed: object = 0  # an int, or a SecretSeed (written "secret")
    message: str = ""
    result: object = field(default=None, repr=False)  # the LessonResult when graded
    grader: str = ""  # the host (and worker) that graded it
    named: list = None  # the misconceptions of a result read back from a checkpoint

    @property
    def misconceptions(self):
        """The known misconceptions named in this submission's report, in check order."""
        if self.result is None:
            return list(self.named or [])
        return list(dict.fromkeys(c.misconception for c in self.result.checks if c.misconception))

    def csv_row(self):
        from ..grading.secret import shown

        return {
            "student": self.student,
            "lesson": self.lesson,
            "score": number(self.score),
            "max_score": number(self.max_score),
            "status": self.status,
            "seconds": "%.2f" % self.seconds,
            "seed": shown(self.seed),
            "submission": self.submission,
            "message": self.message,
            "misconceptions": ";".join(self.misconceptions),
            "grader": self.grader,
        }


def number(x):
    """A score as the reports show it (an int when whole, else 4 decimals)."""
    from ..grading.results import number as _number

    return _number(x)


CSV_FIELDS = ("student", "lesson", "score", "max_score", "status", "seconds", "seed", "submission", "message",
              "misconceptions", "grader")


# ----------------------------------------------------------------------- discovery


def find_submissions(sources, lessons=()) -> list:
    """The tasks named by ``sources`` (folders, files, glob patterns) for ``lessons``.

    A folder whose sub-folders hold ``<lesson>.py`` files is a class (one student per
    sub-folder); a folder holding ``<lesson>.py`` itself is one student. A file is graded
    for the lesson its name says (``lesson3.py``; the student is its folder's name) or, when
    one lesson is given, for that lesson (``alice.py``: the student is ``alice``). When no
    lesson is given, the lessons are those whose files are found.
    """
    known = catalogue.lessons()
    lessons = list(dict.fromkeys(lessons))
    for name in lessons:
        catalogue.lesson(name)  # UnknownLesson for a typo
    if not sources:
        raise BatchUsageError("give a folder of submissions, files or a glob pattern")
    found = []  # (student, lesson or None, path or folder, is_folder)
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found += _from_folder(path, lessons or list(known))
        elif path.is_file():
            found.append((None, None, path, False))
        else:
            matches = sorted(glob.glob(str(source), recursive=True))
            if not matches:
                raise BatchUsageError("%s: no such file or folder, and no file matches it as a pattern" % source)
            for match in matches:
                match = Path(match)
                if match.is_dir():
                    found += [(match.name, None, match, True)]
                elif match.suffix == ".py":
                    found.append((None, None, match, False))
    if not lessons:  # every lesson found for anyone is due from everyone
        lessons = [n for n in known if any((p / ("%s.py" % n)).is_file() if is_folder else p.stem == n
                                           for _, _, p, is_folder in found)]
    tasks = []
    for student, lesson, path, is_folder in found:
        if is_folder:
            for name in lessons:
                file = path / ("%s.py" % name)
                tasks.append(Task(student, name, file if file.is_file() else None))
            continue
        if path.stem in known:
            name = path.stem
            student = path.resolve().parent.name
            if lessons and name not in lessons:
                continue
        elif len(lessons) == 1:
            name, student = lessons[0], path.stem
        else:
            raise BatchUsageError("%s: cannot tell which lesson this file is for; name it after its "
                                  "lesson (lesson3.py) or give exactly one --lesson" % path)
        tasks.append(Task(student, name, path))
    if not tasks:
        raise BatchUsageError("no submission found in %s for %s" % (
            ", ".join(map(str, sources)), ", ".join(lessons) if lessons else "any lesson"))
    _disambiguate(tasks)
    order = {name: i for i, name in enumerate(known)}
    unique = {(t.student, t.lesson): t for t in tasks}
    return sorted(unique.values(), key=lambda t: (t.student, order.get(t.lesson, 0)))


def _from_folder(folder, lessons):
    """A class folder (one sub-folder per student) or one student's folder."""
    subfolders = sorted(d for d in folder.iterdir() if d.is_dir() and not d.name.startswith((".", "_")))
    has_own = any((folder / ("%s.py" % n)).is_file() for n in lessons)
    has_students = any((d / ("%s.py" % n)).is_file() for d in subfolders for n in lessons)
    if has_own and not has_students:
        return [(folder.resolve().name, None, folder, True)]
    if not has_students:
        loose = sorted(p for p in folder.glob("*.py"))
        if loose:  # a flat folder: one file per student
            return [(None, None, p, False) for p in loose]
    return [(d.name, None, d, True) for d in subfolders]


def _disambiguate(tasks):
    """Two different files for the same student and lesson: name students by their folder."""
    seen = {}
    for task in tasks:
        seen.setdefault((task.student, task.lesson), set()).add(task.path.resolve().parent if task.path else None)
    for task in tasks:
        if len(seen[(task.student, task.lesson)]) > 1 and task.path is not None:
            task.student = str(task.path.parent) if task.path.stem == task.lesson else str(task.path.with_suffix(""))


# ------------------------------------------------------------------------- workers


def _serve(requests, replies):
    """A grading process: grade the tasks it is sent until it is sent None."""
    from ..grading.engine import GraderBroken, SubmissionMissing, grade
    from ..sandbox import use_launcher

    use_launcher()  # each submission's sandbox is forked from a process with NumPy loaded
    replies.send("ready")  # the time limit of a task counts from here, not from the process's start
    while True:
        try:
            task = requests.recv()
        except EOFError:
            task = None
        if task is None:
            use_launcher(False)
            return
        lesson, path, seed = task
        started = time.monotonic()
        try:
            result = grade(lesson, path, seed=seed)
            reply = ("graded", result, "")
        except SubmissionMissing as exc:
            reply = ("missing", None, str(exc))
        except GraderBroken as exc:
            reply = ("error", None, "the grader of %s is broken: %s" % (lesson, str(exc).splitlines()[0]))
        except Exception as exc:  # noqa: BLE001 - the kit failed; the batch goes on
            reply = ("error", None, "the kit failed: %s: %s" % (type(exc).__name__, exc))
        replies.send(reply + (time.monotonic() - started,))


def _worker_main(request_fd, reply_fd):
    """Entry point of a grading process (``python -c`` started by :class:`_Worker`)."""
    from multiprocessing.connection import Connection

    _serve(Connection(request_fd, writable=False), Connection(reply_fd, readable=False))


_WORKER_CODE = "import sys; from autograder.ci.batch import _worker_main; _worker_main(int(sys.argv[1]), int(sys.argv[2]))"


class _Worker:
    """A grading process of the kit, fed one task at a time through two pipes.

    It is a plain ``python -c`` process (not a multiprocessing child), so that nothing of
    the caller's ``__main__`` is imported again in it; only the kit's results travel back.
    """

    def __init__(self, policy=None):  # policy: the environment of its sealing policy (default WORKER_ENV)
        import subprocess
        from multiprocessing.connection import Connection

        request_r, request_w = os.pipe()
        reply_r, reply_w = os.pipe()
        env = dict(os.environ, **(WORKER_ENV if policy is None else policy))
        kit = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join([kit] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(request_r), str(reply_w)],
                pass_fds=(request_r, reply_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, env=env)
        finally:
            os.close(request_r)
            os.close(reply_w)
        self.requests = Connection(request_w, readable=False)
        self.conn = Connection(reply_r, writable=False)
        self.task = None
        self.started = 0.0

    def send(self, task):
        self.task = task
        self.started = time.monotonic()
        self.requests.send((task.lesson, str(task.path), task.seed))

    @property
    def exitcode(self):
        return self.process.poll()

    def stop(self, kill=False):
        """End the grading process. Killing it leaves its sandbox to clean up after itself:
        the learner's process sees its channel close and ends its children."""
        import subprocess

        if kill:
            self.process.kill()
        else:
            try:
                self.requests.send(None)
            except (OSError, ValueError):
                pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.requests.close()
        self.conn.close()


def grade_all(tasks, *, jobs=None, timeout=DEFAULT_TIMEOUT, seed=None, secret=None, progress=False,
              on_row=None) -> list:
    """Grade every task, ``jobs`` at a time; returns one :class:`Row` per task, in order.

    ``seed`` replaces the randomized cases of every submission (by default those of the
    lesson, the same as ``grade lessonN`` draws: one file gets one score whoever hands it
    in); ``timeout`` stops a submission that is not finished in time.
    """
    from multiprocessing.connection import wait

    jobs = max(1, jobs or os.cpu_count() or 1)
    rows, todo = split_missing(tasks, seed, secret)
    todo = deque(todo)
    bar = _progress_bar(len(tasks), progress)
    bar.update(len(rows))
    idle, starting, busy = [], [], {}  # busy: worker -> index of its task
    try:
        while todo or busy:
            while todo and len(idle) + len(starting) + len(busy) < min(jobs, len(todo) + len(busy)):
                starting.append(_Worker())
            while todo and idle:
                worker = idle.pop()
                index, task = todo.popleft()
                worker.send(task)
                busy[worker] = index
            now = time.monotonic()
            deadlines = [w.started + timeout for w in busy] + [now + 60.0]
            ready = wait([w.conn for w in busy] + [w.conn for w in starting],
                         timeout=max(0.0, min(deadlines) - now))
            for worker in [w for w in starting if w.conn in ready]:
                starting.remove(worker)
                try:
                    worker.conn.recv()
                except (EOFError, OSError):
                    worker.stop(kill=True)
                    raise RuntimeError("a grading process could not start (exit code %s)"
                                       % worker.exitcode) from None
                idle.append(worker)
            for worker in [w for w in busy if w.conn in ready]:
                index = busy.pop(worker)
                try:
                    status, result, message, seconds = worker.conn.recv()
                except (EOFError, OSError):
                    code = worker.exitcode
                    worker.stop(kill=True)
                    rows[index] = _row(worker.task, "error", seconds=time.monotonic() - worker.started,
                                       message="the grading process ended unexpectedly (exit code %s)" % code)
                else:
                    rows[index] = _row(worker.task, status, result=result, seconds=seconds, message=message)
                    idle.append(worker)
                _report(bar, on_row, rows[index])
            now = time.monotonic()
            for worker in [w for w in busy if now >= w.started + timeout]:
                index = busy.pop(worker)
                worker.stop(kill=True)
                rows[index] = _row(worker.task, "timeout", seconds=now - worker.started,
                                   message="grading did not finish within %g s (--timeout): stopped, 0 points"
                                   % timeout)
                _report(bar, on_row, rows[index])
    finally:
        for worker in idle + starting:
            worker.stop()
        for worker in busy:
            worker.stop(kill=True)
        bar.close()
    return [rows[i] for i in range(len(tasks))]


def split_missing(tasks, seed=None, secret=None):
    """Give each task its seed (``seed``, else its lesson's: under ``secret`` or
    ``$GROKKING_SEED_SECRET`` when set); ``({index: Row}, [(index, task)])``: the rows of
    the tasks without a file (status ``missing``), and the tasks to grade."""
    from ..grading.secret import lesson_seed

    rows, todo = {}, []
    for index, task in enumerate(tasks):
        task.seed = seed if seed is not None else lesson_seed(catalogue.lesson(task.lesson), secret)
        if task.path is None:
            rows[index] = Row(task.student, task.lesson, "", "missing", max_score=_max(task.lesson), seed=task.seed,
                              message="no %s.py in this student's folder" % task.lesson)
        else:
            todo.append((index, task))
    return rows, todo


def _max(lesson):
    return Fraction(catalogue.lesson(lesson).max_score)


def _row(task, status, *, result=None, seconds=0.0, message="", grader=HOST):
    row = Row(task.student, task.lesson, str(task.path or ""), status, max_score=_max(task.lesson),
              seconds=seconds, seed=task.seed, message=message, result=result, grader=grader)
    if result is not None:
        row.score, row.max_score = result.score, result.max_score
        if result.problem:
            row.message = result.problem.splitlines()[0]
    return row


def _report(bar, on_row, row):
    bar.update(1)
    if on_row is not None:
        on_row(row)


def _progress_bar(total, enabled):
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, disable=not enabled, unit="submission", dynamic_ncols=True,
                desc="grading")


# ------------------------------------------------------------------------- outputs


def write_csv(rows, path):
    import io

    from .checkpoint import write_atomic

    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row.csv_row())
    write_atomic(path, text.getvalue())


def write_results(rows, out_dir, fmt="json"):
    """One file per graded task: ``out_dir/<student>/<lesson>.json`` (``.xml`` for junit,
    ``.gradescope.json`` for gradescope); a task that could not be graded gets one too."""
    from .checkpoint import write_atomic

    written = []
    for row in rows:
        target = result_path(out_dir, row.student, row.lesson, fmt)
        write_atomic(target, result_text(row, fmt))
        written.append(target)
    return written


def result_path(out_dir, student, lesson, fmt="json"):
    suffix = {"json": ".json", "junit": ".xml", "gradescope": ".gradescope.json"}[fmt]
    return Path(out_dir) / _safe(student) / (lesson + suffix)


def result_text(row, fmt="json"):
    """The file of one task's result in ``fmt``. A task that could not be graded (missing,
    stopped, the kit failed) still gets a whole report: every exercise at 0 with the row's
    message."""
    from . import formats
    from ..grading.results import ungraded

    result = row.result if row.result is not None else ungraded(
        catalogue.lesson(row.lesson), row.submission, row.message,
        status="timeout" if row.status == "timeout" else "error", seed=row.seed)
    if fmt == "junit":
        return formats.junit_xml([result], suite_names=["%s/%s" % (row.student, row.lesson)],
                                 durations=[row.seconds])
    if fmt == "gradescope":
        return json.dumps(formats.gradescope_results(result, execution_time=row.seconds), indent=1)
    return json.dumps(dict(result.to_json(), student=row.student, status=row.status))


def _safe(name):
    """A student's name as one folder name."""
    return "".join(c if c.isalnum() or c in "-_.@" else "_" for c in name).strip(".") or "_"


def summary_table(rows, width=80) -> str:
    """The class summary for a terminal: student, lesson, score, max (and what went wrong)."""
    student_w = min(max([7] + [len(r.student) for r in rows]), 30)
    lesson_w = max([6] + [len(r.lesson) for r in rows])
    head = "%-*s  %-*s  %7s  %5s  %s" % (student_w, "student", lesson_w, "lesson", "score", "max", "status")
    lines = [head, "-" * min(width, len(head) + 8)]
    for r in rows:
        status = "" if r.status == "graded" else r.status
        student = r.student if len(r.student) <= student_w else "…" + r.student[-(student_w - 1):]
        lines.append("%-*s  %-*s  %7s  %5s  %s" % (student_w, student, lesson_w, r.lesson, number(r.score),
                                                  number(r.max_score), status))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def common_mistakes(rows, width=80, most=5) -> str:
    """The known misconceptions most students' reports named, for the instructor: how many
    students, the exercise, and what the mistake is ("" when none was named)."""
    import textwrap

    from ..misconceptions import for_lesson

    students = {}
    for row in rows:
        for item in row.misconceptions:
            students.setdefault(item, set()).add(row.student)
    if not students:
        return ""
    known = {m.id: m for lesson in {r.lesson for r in rows} for m in for_lesson(lesson)}
    ranked = sorted(students.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    lines = textwrap.wrap("The known mistakes named most often (the CSV's misconceptions column names them "
                          "per student):", width)
    for item, who in ranked[:most]:
        lesson, exercise = item.split(".")[:2]
        when = known[item].when if item in known else item
        text = "%d student%s, %s %s: %s." % (len(who), "" if len(who) == 1 else "s", lesson, exercise, when)
        lines += textwrap.wrap(text, width - 2, initial_indent="- ", subsequent_indent="  ")
    if len(ranked) > most:
        lines.append("  (%d more in the CSV)" % (len(ranked) - most))
    return "\n".join(lines) + "\n"


def totals_line(rows, seconds, jobs, *, where=None, reused=0) -> str:
    """``where``: what graded (default: ``jobs`` local processes); ``reused``: how many of the
    rows are results of an earlier run read back from ``--out``."""
    graded = [r for r in rows if r.status == "graded"]
    full = sum(1 for r in graded if r.max_score and r.score == r.max_score)
    where = where or "%d process%s" % (jobs, "" if jobs == 1 else "es")
    parts = ["%d submission%s graded in %.1f s on %s" % (len(graded), "" if len(graded) == 1 else "s", seconds, where)]
    if reused:
        parts[0] += " (%d of them by an earlier run: --force grades them again)" % reused
    parts.append("%d with full marks" % full)
    for status in ("missing", "timeout", "killed", "error"):
        count = sum(1 for r in rows if r.status == status)
        if count:
            parts.append("%d %s" % (count, {"missing": "missing", "timeout": "stopped by --timeout",
                                            "killed": "killed their grading worker",
                                            "error": "not graded (kit error)"}[status]))
    return ", ".join(parts) + "."


# ----------------------------------------------------------------------------- CLI


def require_seal(allow_unsealed, command_name, probe_here=True):
    """Make every grading process of this run refuse to grade unsealed (unless allowed),
    and say what holds; a host that cannot seal stops the command with what to enable.
    Without ``probe_here`` (the grading is elsewhere), only the policy is set: None."""
    from ..sandbox import SealUnavailable, configure, probe

    if allow_unsealed:
        WORKER_ENV["GROKKING_ALLOW_UNSEALED"] = "1"
    elif os.environ.get("GROKKING_SEAL", "auto") != "off":
        WORKER_ENV["GROKKING_SEAL"] = "require"  # the grading processes' own policy
    configure(require=True, allow_unsealed=allow_unsealed)
    if not probe_here:
        return None
    try:
        return probe()
    except SealUnavailable as exc:
        click.echo("%s: %s" % (command_name, exc), err=True)
        sys.exit(EXIT_USAGE)


@click.command("batch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--lesson", "-l", "lessons", multiple=True,
              help="Lesson to grade (repeat for several). Default: the lessons whose files are found.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Submissions graded at once (default: the number of cores).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the class summary as CSV here (with --out, OUT/summary.csv is written too).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write each submission's result to OUT/<student>/<lesson>.<ext> as it is graded, and the "
                   "summary to OUT/summary.csv; run again, grade only what has no result there yet.")
@click.option("--fail-under", type=click.FloatRange(min=0), default=None, metavar="POINTS",
              help="Exit 1 when any submission scores below POINTS (a missing file scores 0).")
@click.option("--format", "fmt", type=click.Choice(["json", "junit", "gradescope"]), default="json",
              show_default=True, help="Format of the files written with --out.")
@click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds after which one submission is stopped and scored 0 (the engine's per-call "
                   "limits come first).")
@click.option("--seed", type=int, default=None, help="Other randomized cases than the lesson's (default: the cases "
              "`grade lessonN` draws, the same for every student).")
@click.option("--secret-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The course's secret (default: $GROKKING_SEED_SECRET): randomized cases drawn from it, the same "
                   "for every student but unknown to them; reports say a failing drawn case in words only.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--quiet", "-q", is_flag=True, help="Do not print the summary table.")
@click.option("--allow-unsealed", is_flag=True, help="Grade even where this host cannot seal learners' code "
              "(namespaces, an unprivileged uid, a private file system): only with submissions you trust.")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT|local:N",
              help="Grade on a Dask cluster: its scheduler's address, or local:N for N workers on this machine "
                   '(needs pip install -e ".[cluster]").')
@click.option("--force", is_flag=True, help="With --out, grade every submission again, even those whose result "
              "is already there.")
def command(sources, lessons, jobs, csv_path, out_dir, fail_under, fmt, timeout, seed, secret_file, progress, quiet,
            allow_unsealed, scheduler, force):
    """Grade many submissions: a folder with one sub-folder per student, files, or glob patterns.

    \b
      grade batch subs/ -l lesson3 -l lesson4 --csv summary.csv --out results/
      grade batch 'subs/*/lesson3.py' -l lesson3

    With --out, a rerun grades only the submissions without a result there (changed files,
    a new kit, or those an interrupted run did not reach); --force grades all.

    Exit status: 0 every submission graded (whatever its score), 1 some submission
    below --fail-under, 2 usage error, 3 the kit failed on some submission, 130
    interrupted (the results written stay).
    """
    from ..grading.secret import SecretError
    from ..grading.secret import read as read_secret

    try:
        tasks = find_submissions(sources, lessons)
        if scheduler is not None and jobs is not None:
            raise BatchUsageError("--jobs is for the local pool; with --scheduler the cluster's workers grade "
                                  "(local:N starts N of them)")
        if seed is not None and secret_file is not None:
            raise BatchUsageError("give --seed (cases anyone can replay) or --secret-file (the course's secret), "
                                  "not both")
        secret = read_secret(secret_file) if seed is None else None
    except (BatchUsageError, catalogue.UnknownLesson, SecretError) as exc:
        click.echo("grade batch: %s" % (exc.args[0] if exc.args else exc), err=True)
        sys.exit(EXIT_USAGE)
    jobs = jobs or os.cpu_count() or 1
    if progress is None:
        progress = sys.stderr.isatty()
    remote = scheduler is not None and not scheduler.startswith("local:")  # the workers' hosts seal, not this one
    isolation = require_seal(allow_unsealed, "grade batch", probe_here=not remote)
    if isolation:
        click.echo("learners' code runs %s" % isolation, err=True)
    started = time.monotonic()
    rows, where, reused = _grade(tasks, jobs=jobs, timeout=timeout, seed=seed, secret=secret, progress=progress,
                                 scheduler=scheduler, out_dir=out_dir, fmt=fmt, force=force)
    elapsed = time.monotonic() - started
    if out_dir is not None:
        write_csv(rows, out_dir / "summary.csv")
    if csv_path is not None:
        write_csv(rows, csv_path)
    if not quiet:
        click.echo(summary_table(rows), nl=False)
    click.echo(totals_line(rows, elapsed, jobs, where=where, reused=reused), err=quiet)
    mistakes = common_mistakes(rows)
    if mistakes and not quiet:
        click.echo("\n" + mistakes, nl=False)
    for row in rows:
        if row.status == "error":
            click.echo("grade batch: %s %s: %s" % (row.student, row.lesson, row.message), err=True)
    below = below_pass_mark(rows, fail_under)
    if below:
        click.echo("grade batch: %d submission%s below %s points: %s" % (
            len(below), "" if len(below) == 1 else "s", number(Fraction(str(fail_under))),
            ", ".join("%s %s (%s)" % (r.student, r.lesson, number(r.score)) for r in below)), err=True)
    if any(r.status == "error" for r in rows):
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_BELOW if below else EXIT_GRADED)


def below_pass_mark(rows, points) -> list:
    """The rows that score below ``points`` (none when ``points`` is None)."""
    if points is None:
        return []
    mark = Fraction(str(points))
    return [r for r in rows if r.score < mark]


def _grade(tasks, *, jobs, timeout, seed, secret, progress, scheduler, out_dir, fmt, force):
    """Grade the tasks on the local pool or the cluster, with ``out_dir`` as the checkpoint;
    ``(rows, where, reused)``. Exits 2 on a bad --scheduler and 130 on Ctrl-C."""
    from .checkpoint import Checkpoint

    store = Checkpoint(out_dir, fmt, seed=seed, secret=secret, force=force) if out_dir is not None else None
    done = store.reuse(tasks) if store else {}
    todo = [task for index, task in enumerate(tasks) if index not in done]
    count = max(1, min(jobs, len(todo)))
    where = "%d process%s" % (count, "" if count == 1 else "es")
    try:
        if not todo:
            rows = []
        elif scheduler is None:
            rows = grade_all(todo, jobs=jobs, timeout=timeout, seed=seed, secret=secret, progress=progress,
                             on_row=store.save if store else None)
        else:
            from .cluster import ClusterUsageError, grade_on_cluster

            try:
                rows, workers = grade_on_cluster(todo, scheduler, timeout=timeout, seed=seed, secret=secret,
                                                 progress=progress,
                                                 on_row=store.save if store else None,
                                                 echo=lambda text: click.echo(text, err=True))
            except ClusterUsageError as exc:
                click.echo("grade batch: %s" % exc, err=True)
                sys.exit(EXIT_USAGE)
            where = "%d Dask worker%s" % (workers, "" if workers == 1 else "s")
    except KeyboardInterrupt:
        click.echo("\ngrade batch: interrupted; %s" % (
            "the results written in %s stay, and the same command grades the rest" % out_dir if store else
            "nothing was written (with --out DIR, a rerun grades only what is left)"), err=True)
        sys.exit(130)
    if store:
        for row in rows:
            if row.status == "missing":  # never sent to be graded: its file is written here
                store.save(row)
    new = iter(rows)
    return [done[i] if i in done else next(new) for i in range(len(tasks))], where, len(done)
