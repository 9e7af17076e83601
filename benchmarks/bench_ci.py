"""How fast the kit grades for CI, side by side with nbgrader.

Run by hand (never in the test suite), from the kit's folder:

    python benchmarks/bench_ci.py                 # 5 runs each, 100 submissions
    python benchmarks/bench_ci.py -n 3 --students 50 --jobs 2

It times, on this machine:

1. ``grade LESSON`` on one submission, as a new process (lesson4, or lesson3 when the
   kit has no lesson4 yet; the table says which);
2. ``nbgrader autograde`` of the same lesson as a notebook, in a minimal nbgrader course
   built in a temporary folder: the kit's own course notebook when the kit builds one
   (``grade course init``), else a plain notebook with the solution code and assert-based
   test cells (the lesson's doctest examples);
3. ``grade batch`` of generated submissions (copies of the solutions and stubs, and
   solutions with one exercise broken) for up to four lessons, over ``--jobs`` processes.

and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import catalogue  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
# nbgrader runs helper programs (alembic) found on PATH: the environment's own first.
ENV = dict(os.environ, PATH=os.pathsep.join([str(BIN), os.environ.get("PATH", "")]))


def _cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, runs, **kwargs):
    """Median and min wall time, and median CPU time (the process and all it waited for:
    on a machine shared with other work, CPU time is the steadier measure)."""
    times, cpus = [], []
    for _ in range(runs):
        cpu = _cpu()
        start = time.perf_counter()
        proc = subprocess.run(command, capture_output=True, text=True, env=ENV, **kwargs)
        times.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
        if proc.returncode not in (0, 1):
            raise RuntimeError("%s failed (%d):\n%s\n%s" % (" ".join(map(str, command)), proc.returncode,
                                                            proc.stdout[-2000:], proc.stderr[-2000:]))
    return statistics.median(times), min(times), statistics.median(cpus)


def load_average():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def grade_lesson(lesson, runs):
    solution = ROOT / "solutions" / ("%s.py" % lesson)
    command = [str(BIN / "grade"), lesson, "--submission", str(solution), "--format", "json"]
    if not Path(command[0]).exists():
        command = [PYTHON, "-m", "autograder", *command[1:]]
    return timed(command, runs, cwd=ROOT)


# --------------------------------------------------------------------- nbgrader course


def _plain_notebook(lesson):
    """The solution code and, per exercise, an assert-based test cell (its doctests)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    source = (ROOT / "solutions" / ("%s.py" % lesson)).read_text(encoding="utf-8")
    tree = ast.parse(source)
    cells = []
    setup = [ast.get_source_segment(source, n) for n in tree.body
             if not isinstance(n, ast.FunctionDef) and not (isinstance(n, ast.Expr) and isinstance(
                 getattr(n, "value", None), ast.Constant))]
    cells.append(new_code_cell("import numpy as np\n" + "\n".join(setup),
                               metadata={"nbgrader": {"grade_id": "setup", "locked": True, "grade": False,
                                                      "solution": False, "schema_version": 3}}))
    for exercise in catalogue.lesson(lesson).exercises:
        node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == exercise.name)
        cells.append(new_code_cell(ast.get_source_segment(source, node), metadata={"nbgrader": {
            "grade_id": "code_" + exercise.name, "locked": False, "grade": False, "solution": True,
            "schema_version": 3}}))
        test = (
            "import doctest\n"
            "_runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE"
            " | doctest.NUMBER)\n"
            "for _test in doctest.DocTestFinder().find(%(n)s, %(n)r, globs=dict(globals())):\n"
            "    _runner.run(_test)\n"
            "assert _runner.failures == 0, '%(n)s: %%d example(s) failed' %% _runner.failures\n"
        ) % {"n": exercise.name}
        cells.append(new_code_cell(test, metadata={"nbgrader": {
            "grade_id": "test_" + exercise.name, "locked": True, "grade": True, "solution": False,
            "points": exercise.points, "schema_version": 3}}))
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python",
                                                            "name": "python3"}})
    return nbformat.writes(nb)


def build_nbgrader_course(root, lesson, kind="kit"):
    """A minimal nbgrader course with one submitted notebook; returns how it was built.

    ``kind`` ``kit``: the kit's own course (``grade course init``: its notebook, and its
    configuration, under which nbgrader grades with the kit's checks), when the kit has
    one; ``plain`` (or no course in the kit): stock nbgrader on a plain notebook.
    """
    root = Path(root)
    how = None
    try:
        if kind != "kit":
            raise LookupError("a plain notebook was asked for")
        from autograder.instructor import nbgrader_course  # the kit's own course (its notebooks and config)

        nbgrader_course.init_course(root, [lesson])
        how = "the kit's course (`grade course init`: its notebook and configuration)"
    except Exception:  # noqa: BLE001 - not in this kit (yet), or not asked for: a plain one
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        (root / "nbgrader_config.py").write_text(
            "c = get_config()\nc.CourseDirectory.course_id = 'bench'\n", encoding="utf-8")
        folder = root / "source" / lesson
        folder.mkdir(parents=True)
        (folder / ("%s.ipynb" % lesson)).write_text(_plain_notebook(lesson), encoding="utf-8")
        how = "stock nbgrader on a plain notebook: solution code, assert-based test cells"
    run_nbgrader(root, ["generate_assignment", lesson, "--force"])
    submitted = root / "submitted" / "student1" / lesson
    submitted.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / "source" / lesson / ("%s.ipynb" % lesson), submitted / ("%s.ipynb" % lesson))
    return how


def nbgrader_command(args):
    exe = BIN / "nbgrader"
    return [str(exe)] + args if exe.exists() else [PYTHON, "-m", "nbgrader"] + args


def run_nbgrader(root, args):
    proc = subprocess.run(nbgrader_command(args), cwd=root, capture_output=True, text=True, env=ENV)
    if proc.returncode != 0:
        raise RuntimeError("nbgrader %s failed:\n%s\n%s" % (" ".join(args), proc.stdout[-3000:], proc.stderr[-3000:]))
    return proc


def nbgrader_autograde(lesson, runs, kind="kit"):
    with tempfile.TemporaryDirectory(prefix="bench-nbgrader-") as tmp:
        root = Path(tmp) / "course"
        how = build_nbgrader_course(root, lesson, kind)
        command = nbgrader_command(["autograde", lesson, "--student", "student1", "--create", "--force"])
        median, best, cpu = timed(command, runs, cwd=root)
        return median, best, cpu, how


# ---------------------------------------------------------------------------- batch


def _functions(source):
    tree = ast.parse(source)
    return {n.name: ast.get_source_segment(source, n) for n in tree.body if isinstance(n, ast.FunctionDef)}


def make_submissions(folder, lessons, students, seed=0):
    """``students`` folders, each with a file per lesson: solutions, stubs, and solutions
    with one exercise replaced by its stub or by a wrong answer."""
    rnd = random.Random(seed)
    kinds = {}
    for lesson in lessons:
        solution = (ROOT / "solutions" / ("%s.py" % lesson)).read_text(encoding="utf-8")
        stub = (ROOT / "exercises" / ("%s.py" % lesson)).read_text(encoding="utf-8")
        stubs = _functions(stub)
        names = [e.name for e in catalogue.lesson(lesson).exercises]
        for i in range(students):
            kind = ("solution", "solution", "stub", "one stubbed", "one wrong")[rnd.randrange(5)]
            text = solution if kind != "stub" else stub
            if kind == "one stubbed":
                text = solution + "\n\n" + stubs[rnd.choice(names)] + "\n"
            elif kind == "one wrong":
                text = solution + "\n\ndef %s(*args, **kwargs):\n    return 0\n" % rnd.choice(names)
            student = folder / ("student%03d" % i)
            student.mkdir(parents=True, exist_ok=True)
            (student / ("%s.py" % lesson)).write_text(text, encoding="utf-8")
            kinds[kind] = kinds.get(kind, 0) + 1
    return kinds


def batch(lessons, students, jobs):
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        subs = Path(tmp) / "submissions"
        make_submissions(subs, lessons, students)
        seconds, cpu, rows = run_batch(subs, lessons, Path(tmp) / "summary.csv", "--jobs", str(jobs))
        statuses = {}
        for row in rows:
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
        return seconds, cpu, len(rows), statuses


def run_batch(subs, lessons, summary, *options):
    """``grade batch`` of ``subs`` as a new process, with ``--seed 1``: wall seconds, CPU
    seconds (of all it started), and the rows of its summary CSV."""
    import csv

    command = [PYTHON, "-m", "autograder", "batch", str(subs), "--quiet", "--no-progress", "--seed", "1",
               "--csv", str(summary), *options]
    for lesson in lessons:
        command += ["--lesson", lesson]
    cpu = _cpu()
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)
    seconds = time.perf_counter() - start
    cpu = _cpu() - cpu
    if proc.returncode != 0:
        raise RuntimeError("grade batch %s failed (%d):\n%s" % (" ".join(options), proc.returncode,
                                                              proc.stderr[-3000:]))
    with open(summary, newline="") as f:
        return seconds, cpu, list(csv.DictReader(f))


# ----------------------------------------------------------------------------- main


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="runs of each single-submission timing")
    parser.add_argument("--students", type=int, default=100, help="generated submissions per lesson")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--lesson", default=None, help="lesson of the single-submission timings")
    parser.add_argument("--skip-nbgrader", action="store_true")
    args = parser.parse_args(argv)

    known = [name for name in catalogue.lessons() if (ROOT / "solutions" / ("%s.py" % name)).is_file()]
    lesson = args.lesson or ("lesson4" if "lesson4" in known else "lesson3")
    batch_lessons = known[:4]

    print("Machine: %s, %d cores, Python %s, %s; load average before: %.1f" % (
        platform.machine(), os.cpu_count() or 1, platform.python_version(), platform.system(), load_average()))
    print("Lesson timed alone: %s; lessons of the batch: %s" % (lesson, ", ".join(batch_lessons)))
    rows = []
    start_med, start_min, start_cpu = timed([PYTHON, "-m", "autograder", "--version"], args.runs, cwd=ROOT)
    rows.append(("`grade --version` (the command's start-up alone)", "%d" % args.runs,
                 "%.2f s (%.2f s)" % (start_med, start_min), "%.2f s" % start_cpu))
    grade_med, grade_min, grade_cpu = grade_lesson(lesson, args.runs)
    rows.append(("`grade %s`, one submission (new process)" % lesson, "%d" % args.runs,
                 "%.2f s (%.2f s)" % (grade_med, grade_min), "%.2f s" % grade_cpu))
    nb_notes = []
    if not args.skip_nbgrader:
        runs = max(1, min(args.runs, 3))
        for kind in ("kit", "plain"):
            nb_med, nb_min, nb_cpu, how = nbgrader_autograde(lesson, runs, kind)
            if any(how == seen for seen in nb_notes):
                continue  # no course in the kit: the plain notebook was timed already
            nb_notes.append(how)
            rows.append(("`nbgrader autograde` of %s: %s" % (lesson, how), "%d" % runs,
                         "%.2f s (%.2f s)" % (nb_med, nb_min), "%.2f s" % nb_cpu))
            rows.append(("... nbgrader / `grade %s`" % lesson, "", "%.1fx" % (nb_med / grade_med),
                         "%.1fx" % (nb_cpu / grade_cpu)))
    seconds, cpu, count, statuses = batch(batch_lessons, args.students, args.jobs)
    rows.append(("`grade batch`, %d submissions x %d lessons, --jobs %d" % (
        args.students, len(batch_lessons), args.jobs), "1", "%.1f s" % seconds,
        "%.1f s (%.3f s per submission; %.1f s over %d cores)" % (
            cpu, cpu / max(1, count), cpu / max(1, min(args.jobs, os.cpu_count() or 1)),
            min(args.jobs, os.cpu_count() or 1))))
    print()
    print("| what | runs | wall time, median (min) | CPU time, median |")
    print("|---|---|---|---|")
    for row in rows:
        print("| %s |" % " | ".join(row))
    print()
    print("Batch: %d submissions graded, statuses %s; load average after: %.1f." % (
        count, json.dumps(statuses, sort_keys=True), load_average()))


if __name__ == "__main__":
    main()
