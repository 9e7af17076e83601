"""The Dask path of ``grade batch`` beside the local pool, on one machine.

Run by hand (never in the test suite), from the kit's folder, with the cluster extra
installed (``pip install -e ".[cluster]"``):

    python benchmarks/bench_cluster.py                        # 1,000 submissions x 4 lessons
    python benchmarks/bench_cluster.py --students 100 --workers 2

It generates the submissions of ``benchmarks/bench_ci.py`` (solutions, stubs, solutions
with one exercise stubbed or wrong) for the first four lessons, then grades them all with
``grade batch --jobs N`` (the local pool) and with ``grade batch --scheduler local:N`` (a
Dask ``LocalCluster`` of N one-thread workers), each as a new process, in ``--rounds``
slices where the two take turns to go first, and prints a Markdown table: wall time,
submissions per second (and per worker), CPU time of the command and everything it
started, and the cluster path's cost per submission. The fixed cost of starting a
``LocalCluster`` is measured apart, on one submission, and left out of the per-submission
cost. Both paths use ``--seed 1``, and their scores must agree.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ci import load_average, make_submissions, run_batch  # noqa: E402

from autograder import catalogue  # noqa: E402


def run(subs, lessons, out, *options):
    """``grade batch`` as a new process: wall seconds, CPU seconds, ``{(student, lesson): score}``."""
    Path(out).mkdir()
    seconds, cpu, rows = run_batch(subs, lessons, Path(out) / "summary.csv", *options)
    return seconds, cpu, {(r["student"], r["lesson"]): (r["status"], r["score"]) for r in rows}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=1000, help="generated submissions per lesson")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="local processes, and workers of the LocalCluster (default: the cores)")
    parser.add_argument("--rounds", type=int, default=2, help="the students are graded in this many slices, "
                        "the two paths taking turns to go first (fairer on a machine whose load changes)")
    args = parser.parse_args(argv)
    try:
        import distributed
    except ImportError:
        sys.exit('bench_cluster: Dask is not installed: pip install -e ".[cluster]"')
    lessons = [name for name in catalogue.lessons() if (ROOT / "solutions" / ("%s.py" % name)).is_file()][:4]
    n = args.workers
    paths = {"local": ("--jobs", str(n)), "dask": ("--scheduler", "local:%d" % n)}
    print("Machine: %s, %d cores, Python %s, %s, Dask %s; load average before: %.1f" % (
        platform.machine(), os.cpu_count() or 1, platform.python_version(), platform.system(),
        distributed.__version__, load_average()))
    print("Lessons: %s; %d submissions each, in %d rounds; %d workers" % (
        ", ".join(lessons), args.students, args.rounds, n))
    totals = {name: [0.0, 0.0, {}] for name in paths}  # wall, CPU, scores
    starts = {name: [] for name in paths}
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
        tmp = Path(tmp)
        make_submissions(tmp / "one", lessons[:1], 1)
        for round_ in range(args.rounds):
            order = list(paths) if round_ % 2 == 0 else list(paths)[::-1]
            for name in order:  # the cost of starting: one submission
                starts[name].append(run(tmp / "one", lessons[:1], tmp / ("one-%s-%d" % (name, round_)),
                                        *paths[name])[0])
            subs = tmp / ("round%d" % round_)
            make_submissions(subs, lessons, args.students // args.rounds, seed=round_)
            for name in order[::-1]:
                seconds, cpu, scores = run(subs, lessons, tmp / ("%s-%d" % (name, round_)), *paths[name])
                totals[name][0] += seconds
                totals[name][1] += cpu
                totals[name][2].update({(round_,) + key: value for key, value in scores.items()})
            shutil.rmtree(subs)
    local, dask = totals["local"], totals["dask"]
    count = len(local[2])
    fixed = (sum(starts["dask"]) - sum(starts["local"])) / args.rounds  # starting a LocalCluster, per command
    extra = dask[0] - args.rounds * fixed - local[0]
    print()
    print("| %d submissions (%d x %d lessons) | wall time | submissions/s (per worker) | CPU time, per submission "
          "| cluster cost per submission |" % (count, args.students, len(lessons)))
    print("|---|---|---|---|---|")
    for name, (seconds, cpu, _), cost in (
            ("local pool, `--jobs %d`" % n, local, "-"),
            ("Dask `LocalCluster`, `--scheduler local:%d`" % n, dask,
             "%+.1f ms (%+.0f%% of the local pool's time), and %.1f s to start the cluster, once per command" % (
                 1000 * extra / count, 100 * extra / local[0], fixed))):
        print("| %s | %.1f s | %.1f (%.1f) | %.1f s, %.3f s | %s |" % (
            name, seconds, count / seconds, count / seconds / n, cpu, cpu / count, cost))
    print()
    same = local[2] == dask[2]
    print("Same scores on both paths: %s; load average after: %.1f." % ("yes" if same else "NO", load_average()))
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
