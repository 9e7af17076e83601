"""What sealing learners' code costs: the same grading sealed and with process limits only.

Run by hand (never in the test suite), as the user who grades (root in CI and Gradescope):

    python benchmarks/bench_seal.py            # lesson4, 7 runs each, a batch of 40
    python benchmarks/bench_seal.py -n 11 --batch 100

It times, sealed (the default) and with ``GROKKING_SEAL=off``: a sandbox's start alone
(a worker loading an empty file), ``grade lesson4`` as a new process, the engine
in-process, and ``grade batch`` of generated submissions; wall time (median and min) and
the CPU time of the command with everything it waited for. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
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

MODES = (("sealed", "auto"), ("process only", "off"))


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command, env, runs):
    walls, cpus = [], []
    for _ in range(runs):
        cpu, start = children_cpu(), time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu)
    return statistics.median(walls), min(walls), statistics.median(cpus)


IN_PROCESS = r"""
import statistics, sys, time
from autograder.grading.engine import grade
from autograder.sandbox import probe
what, path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
fn = probe if what == "probe" else (lambda: grade("lesson4", path, seed=1))
fn()
times = []
for _ in range(runs):
    t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
print(statistics.median(times), min(times))
"""


def in_process(what, env, runs):
    solution = str(ROOT / "solutions" / "lesson4.py")
    cpu = children_cpu()
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, what, solution, str(runs)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), (children_cpu() - cpu) / (runs + 1)


def batch_folder(count):
    folder = Path(tempfile.mkdtemp(prefix="bench-seal-"))
    solution = (ROOT / "solutions" / "lesson4.py").read_text()
    stub = (ROOT / "exercises" / "lesson4.py").read_text()
    for i in range(count):
        (folder / ("s%03d" % i)).mkdir()
        (folder / ("s%03d" % i) / "lesson4.py").write_text(solution if i % 2 else stub)
    return folder


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--batch", type=int, default=40, help="submissions in the batch run")
    args = parser.parse_args(argv)
    print("Machine: %s, %d cores, Python %s, uid %d, load average %.1f" % (
        platform.machine(), os.cpu_count(), platform.python_version(), os.geteuid(), os.getloadavg()[0]))
    print()
    print("| what | isolation | wall time, median (min) | CPU time, median |")
    print("|---|---|---|---|")
    folder = batch_folder(args.batch)
    try:
        rows = []
        for label, mode in MODES:
            env = dict(os.environ, GROKKING_SEAL=mode, GROKKING_NO_HISTORY="1", NO_COLOR="1")
            env.pop("GROKKING_ALLOW_UNSEALED", None)
            if mode == "off":
                env["GROKKING_ALLOW_UNSEALED"] = "1"
            rows.append(("a sandbox's start (empty file), in-process", label, in_process("probe", env, args.runs)))
            rows.append(("engine on lesson4, in-process", label, in_process("grade", env, args.runs)))
            command = [sys.executable, "-m", "autograder", "lesson4", "--submission",
                       str(ROOT / "solutions" / "lesson4.py"), "--format", "json"]
            rows.append(("`grade lesson4` (new process)", label, run(command, env, args.runs)))
            command = [sys.executable, "-m", "autograder", "batch", str(folder), "-l", "lesson4", "--jobs", "2",
                       "--quiet", "--no-progress"] + (["--allow-unsealed"] if mode == "off" else [])
            rows.append(("`grade batch`, %d submissions, --jobs 2" % args.batch, label, run(command, env, 1)))
        for what in dict.fromkeys(r[0] for r in rows):
            for w, label, (median, low, cpu) in rows:
                if w == what:
                    print("| %s | %s | %.3f s (%.3f s) | %.3f s |" % (what, label, median, low, cpu))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
