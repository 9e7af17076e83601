"""How long grading takes, as a learner feels it.

Run by hand (never in the test suite):

    python benchmarks/bench_grade.py            # every lesson, 5 runs each
    python benchmarks/bench_grade.py lesson4 -n 10

For each lesson it times `grade lessonN --submission solutions/lessonN.py` as a new
process (what a learner waits for at the terminal) and the engine alone, in-process
(what batch grading and notebooks pay per submission), and the engine on each of the
lesson's wrong variants kept in the tests (a failing file also pays for naming its
misconception), and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from autograder import catalogue  # noqa: E402
from autograder.grading.engine import grade  # noqa: E402


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lessons to time (default: all)")
    parser.add_argument("-n", "--runs", type=int, default=5)
    args = parser.parse_args(argv)
    lessons = args.lessons or list(catalogue.lessons())
    print("Machine: %s, Python %s, %s" % (platform.machine(), platform.python_version(), platform.system()))
    print()
    print("| lesson | checks | `grade` command, median (min) | engine in-process, median (min) "
          "| engine on a wrong variant, median (max) |")
    print("|---|---|---|---|---|")
    for name in lessons:
        solution = ROOT / "solutions" / ("%s.py" % name)
        command = [sys.executable, "-m", "autograder", name, "--submission", str(solution), "--format", "json"]
        cli = timed(lambda: subprocess.run(command, cwd=ROOT, capture_output=True, check=False), args.runs)
        grade(name, solution)  # warm the in-process imports once
        checks = len(grade(name, solution).checks)
        engine = timed(lambda: grade(name, solution), args.runs)
        wrong = wrong_variants(name, solution)
        print("| %s | %d | %.2f s (%.2f s) | %.2f s (%.2f s) | %s |" % (
            name, checks, cli[0], cli[1], engine[0], engine[1],
            "%.2f s (%.2f s), %d files" % (statistics.median(wrong), max(wrong), len(wrong)) if wrong else "-"))


def wrong_variants(name, solution):
    """Seconds the engine takes on each wrong variant of the tests (the solution with one
    or more functions redefined wrongly), once each."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("%s.py" % name)
        for variant in sorted((ROOT / "tests" / "variants" / name / "wrong").glob("*.py")):
            path.write_text(solution.read_text(encoding="utf-8") + "\n\n" + variant.read_text(encoding="utf-8"),
                            encoding="utf-8")
            start = time.perf_counter()
            grade(name, path, seed=1)
            times.append(time.perf_counter() - start)
    return times


if __name__ == "__main__":
    main()
