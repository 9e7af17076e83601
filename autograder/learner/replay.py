"""Replaying the course's printed MNIST runs with a learner's functions.

``grade lesson8 --replay`` (and ``lesson9``) trains the learner's ``train_mnist`` (or
``train_mnist_tanh_softmax``) on the course's data, from the course's initial weights
(``np.random.seed(1)`` then the listing's draws), and prints each figure the course
printed beside the learner's. The learner's code runs in the sandbox, as in grading;
the run is cut into chunks of iterations so that a progress bar can follow it.

The course prints its error columns with ``str(x)[0:5]`` (truncated, not rounded): a
printed 0.722 agrees with any error in [0.722, 0.723). Runs with dropout depend on the
course's own random draws (``np.random.randint`` on its global generator), which no
learner's generator repeats: their figures are compared as ranges.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import catalogue

from ..data import mnist
from ..sandbox import Sandbox

CHUNK = 50  # iterations per call into the learner's code (one progress-bar step); a multiple of 10,
# so that every printed iteration (0, 10, 20...) is the first of a chunk or logged inside one
CALL_TIMEOUT = 1800.0  # seconds per chunk: a slow learner's loop still finishes
MEMORY_MB = 3072  # the course's arrays travel as float64: about 90 MB per call
DROPOUT_MARGIN = 0.04  # how far a figure of a dropout run may lie from the course's
AGREE_SHARE = 0.9  # share of a dropout run's figures that must lie in range

HISTORY = {"iteration": 0, "train_err": 1, "train_acc": 2, "test_err": 3, "test_acc": 4}
LABELS = {"train_err": "Train-Err", "train_acc": "Train-Acc", "test_err": "Test-Err", "test_acc": "Test-Acc"}


@dataclass(frozen=True)
class Run:
    trace: str  # the trace id of the course's printed table
    title: str
    function: str  # the learner's training function
    hidden: int
    alpha: float
    iterations: int
    batch_size: int
    dropout: bool
    init_scale: float  # weights_0_1 = init_scale * random - init_scale / 2 (the listing's draw)
    columns: tuple  # names of the printed columns after the iteration, in the course's order
    n_train: int = 1000
    alpha_used: float = 0.0  # the learning rate given to the learner's function, when not ``alpha``
    note: str = ""  # why, for the report


RUNS = {
    "lesson8": (
        Run("L8.mnist-3layer.table", "no regularization: it overfits",
            "train_mnist", 40, 0.005, 350, 1, False, 0.2, ("train_err", "train_acc", "test_err", "test_acc")),
        Run("L8.dropout.table", "dropout on the hidden layer",
            "train_mnist", 100, 0.005, 300, 1, True, 0.2, ("test_err", "test_acc", "train_err", "train_acc")),
        Run("L8.batch.table", "mini-batches of 100, with dropout",
            "train_mnist", 100, 0.001, 300, 100, True, 0.2, ("test_err", "test_acc", "train_err", "train_acc"),
            alpha_used=0.1,
            note="The course's printed table comes from its listing as indented, with the weight update "
                 "inside the loop over the batch's 100 images: the same batch update applied 100 times. A "
                 "correct update, once per batch, learns at that pace with alpha x 100, so your function "
                 "runs with alpha 0.1 (the figures then agree within the ranges of a dropout run)."),
    ),
    "lesson9": (
        Run("L9.mnist-tanh-softmax.table", "tanh hidden layer, softmax output",
            "train_mnist_tanh_softmax", 100, 2.0, 300, 100, True, 0.02, ("test_acc", "train_acc")),
    ),
}

WHY_RANGES = ("The course drew its dropout masks with np.random.randint from its global generator, in an "
              "order no other code repeats; your masks come from another generator, so each figure of this "
              "run differs from the course's by chance. Each is compared as a range (the course's figure "
              "± %.2f), and the run agrees when %d%% of them are in range." % (DROPOUT_MARGIN, AGREE_SHARE * 100))


def initial_weights(run: Run):
    """The course's initial weights: ``np.random.seed(1)``, then the listing's two draws."""
    legacy = np.random.RandomState(1)
    w01 = run.init_scale * legacy.random_sample((784, run.hidden)) - run.init_scale / 2
    w12 = 0.2 * legacy.random_sample((run.hidden, 10)) - 0.1
    return w01, w12


def printed_rows(run: Run):
    """``{iteration: {column: value}}`` of the course's table, for the iterations replayed."""
    rows = {}
    for row in catalogue.trace(run.trace).value:
        if int(row[0]) < run.iterations:
            rows[int(row[0])] = dict(zip(run.columns, row[1:]))
    return rows


def printed_texts(run: Run):
    """``{iteration: {column: text}}``: the figures exactly as the course printed them."""
    names = {v: k for k, v in LABELS.items()}
    texts = {}
    for line in catalogue.trace(run.trace).printed:
        found = re.match(r"I:(\d+)", line)
        if found:
            texts[int(found.group(1))] = {names[label]: text for label, text in
                                          re.findall(r"([A-Za-z]+-[A-Za-z]+):([0-9.]+)", line) if label in names}
    return texts


def _wrapped(echo, text):
    for line in textwrap.wrap(text, 78, initial_indent="  ", subsequent_indent="  "):
        echo(line)


def course_text(column, value):
    """A figure as the course prints it: errors truncated to 5 characters."""
    return str(float(value))[0:5] if column.endswith("_err") else str(float(value))


def agrees(column, printed, yours, dropout):
    if yours is None or not np.isfinite(yours):
        return False
    if dropout:
        return abs(yours - printed) <= DROPOUT_MARGIN + (0.001 if column.endswith("_err") else 0)
    if column.endswith("_err"):  # printed with str(x)[0:5]: the true value is in [printed, printed + 0.001)
        return printed - 1e-9 <= yours < printed + 0.001 + 1e-9
    return abs(yours - printed) <= 0.0015  # accuracies: exact fractions, within the trace's tolerance


class ReplayFailed(Exception):
    """The learner's function did not answer (raised, hung, crashed); the message says how."""


def _call(sandbox, run, args):
    outcome = sandbox.call(run.function, run.function, args, timeout=CALL_TIMEOUT, memory_mb=MEMORY_MB)
    if outcome.status == "ok":
        return outcome.value
    info = outcome.info or {}
    if outcome.status == "raised":
        if info.get("type") == "NotImplementedError":
            raise ReplayFailed("%s is not written yet: it raises NotImplementedError." % run.function)
        where = " (line %s)" % info["line"] if info.get("line") else ""
        raise ReplayFailed("%s raised %s%s: %s" % (run.function, info.get("type"), where, info.get("message", "")))
    if outcome.status == "timeout":
        raise ReplayFailed("%s did not finish %d iterations within %d s." % (run.function, CHUNK, CALL_TIMEOUT))
    if outcome.status in ("syntax_error", "import_error", "missing", "not_callable", "unreadable"):
        raise ReplayFailed("your file cannot be run (%s: %s)." % (
            outcome.status.replace("_", " "), info.get("message") or info.get("type") or ""))
    raise ReplayFailed("the process running %s stopped (%s)." % (run.function, outcome.status))


def train(sandbox, run, data, *, progress=True, seed=0):
    """Run the learner's training function over the whole run in chunks; ``{iteration:
    history row}`` of every logged iteration."""
    images, labels, test_images, test_labels = data
    w01, w12 = initial_weights(run)
    rows = {}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=run.iterations, desc=run.trace, unit="it", leave=False, dynamic_ncols=True)
    try:
        start = 0
        while start < run.iterations:
            n = min(CHUNK, run.iterations - start)
            rng = np.random.default_rng([seed, start]) if run.dropout else None
            value = _call(sandbox, run, (images, labels, test_images, test_labels, w01, w12,
                                         run.alpha_used or run.alpha, n,
                                         run.batch_size, rng, 10))
            try:
                history, w01, w12 = value
                history = np.asarray(history, dtype=float).reshape(-1, 5)
                w01 = np.asarray(w01, dtype=float).reshape(784, run.hidden)
                w12 = np.asarray(w12, dtype=float).reshape(run.hidden, 10)
            except (TypeError, ValueError):
                raise ReplayFailed("%s returned %s, expected (history, weights_0_1, weights_1_2) with one "
                                   "history row of 5 numbers per logged iteration." % (run.function, type(value).__name__)) from None
            for row in history:
                row = row.copy()
                row[0] += start  # the chunk counts its iterations from 0
                rows[int(row[0])] = row
            start += n
            if bar is not None:
                bar.update(n)
    finally:
        if bar is not None:
            bar.close()
    return rows


def report_run(run, rows, echo):
    """Print the course's table beside the learner's; True when the run agrees."""
    printed = printed_rows(run)
    texts = printed_texts(run)
    echo("")
    echo("%s — %s" % (run.trace, run.title))
    _wrapped(echo, "hidden %d, alpha %g%s, %d iterations, batch size %d%s; course / yours"
             % (run.hidden, run.alpha, " (yours: %g)" % run.alpha_used if run.alpha_used else "", run.iterations,
                run.batch_size, ", dropout" if run.dropout else ""))
    head = "  %-6s" % "" + "".join(" %-15s" % LABELS[c] for c in run.columns)
    echo(head.rstrip())
    checked = agreed = 0
    for iteration in sorted(printed):
        row = rows.get(iteration)
        cells = []
        ok_row = True
        for column in run.columns:
            course_value = printed[iteration][column]
            yours = None if row is None else float(row[HISTORY[column]])
            ok = agrees(column, course_value, yours, run.dropout)
            ok_row &= ok
            checked += 1
            agreed += ok
            shown = texts.get(iteration, {}).get(column) or course_text(column, course_value)
            cells.append(" %-6s %-7s%s" % (shown, "—" if yours is None else course_text(column, yours)[:7],
                                           " " if ok else "*"))
        echo(("  %-6s" % ("I:%d" % iteration) + "".join(cells)).rstrip())
    if run.note:
        _wrapped(echo, run.note)
    share = agreed / checked if checked else 0.0
    if run.dropout:
        good = share >= AGREE_SHARE
        _wrapped(echo, "%d of %d figures within ± %.2f of the course's (* marks the others): %s."
                 % (agreed, checked, DROPOUT_MARGIN, "agrees" if good else "does NOT agree"))
        _wrapped(echo, WHY_RANGES)
        if run.trace == "L8.dropout.table":
            peak = catalogue.trace("L8.dropout.peak-and-final").value
            accs = [float(rows[i][4]) for i in sorted(printed) if i in rows]
            if accs:
                _wrapped(echo, "Peak test accuracy: course %.2f%%, yours %.2f%%; final: course %.2f%%, yours "
                               "%.2f%% (trace L8.dropout.peak-and-final)."
                         % (100 * peak[0], 100 * max(accs), 100 * peak[1], 100 * accs[-1]))
    else:
        good = agreed == checked
        _wrapped(echo, "%d of %d figures agree (* marks the others): %s. The course prints errors "
                       "truncated to 5 characters (str(x)[0:5]): 0.722 agrees with any error in [0.722, 0.723)."
                 % (agreed, checked, "agrees" if good else "does NOT agree"))
        if not good and run.function == "train_mnist":
            _wrapped(echo, "Note: the course's listing writes relu2deriv as `output >= 0`, which is 1 for "
                           "every ReLU output; a network that uses `output > 0` learns slightly differently "
                           "from the printed run.")
        if run.trace == "L8.mnist-3layer.table" and (run.iterations - 1) in printed:
            _wrapped(echo, "The last row holds the course's final figures (trace L8.mnist-3layer.final).")
    return good


def replay(lesson_name, submission, *, data_dir=None, echo=print, progress=True, runs=None, seed=0) -> int:
    """Replay the course's MNIST runs of ``lesson_name`` with ``submission``; returns the exit
    status (0 every run agrees, 1 some do not or the code failed, 2 data or file missing)."""
    runs = RUNS.get(lesson_name, ()) if runs is None else runs
    if not runs:
        echo("%s has no MNIST run to replay: --replay is for %s." % (lesson_name, ", ".join(RUNS)))
        return 2
    submission = Path(submission)
    if not submission.is_file():
        echo("grade: %s not found. Give the file with --submission PATH." % submission)
        return 2
    n_train = max(r.n_train for r in runs)
    keys = ["train-images", "train-labels", "test-images", "test-labels"]
    try:
        absent = mnist.missing(keys, data_dir)
        if absent:
            raise mnist.DataMissing(mnist.missing_message(absent, data_dir))
        data = mnist.course_arrays(n_train, data_dir)
    except mnist.DataError as exc:
        text = ("The course's runs train on the first {:,} MNIST training images and test on the test images, "
                "so the replay needs all four MNIST files: {}".format(n_train, exc))
        for line in textwrap.wrap(text, 79):
            echo(line)
        return 2
    for line in textwrap.wrap("Replaying the course's MNIST runs of %s with %s (your code runs in its own "
                              "process)." % (lesson_name, submission), 79):
        echo(line)
    results = []
    with Sandbox(submission, module_name=lesson_name) as sandbox:
        for run in runs:
            sliced = (data[0][:run.n_train], data[1][:run.n_train], data[2], data[3])
            try:
                rows = train(sandbox, run, sliced, progress=progress, seed=seed)
            except ReplayFailed as exc:
                echo("")
                echo("%s — %s" % (run.trace, run.title))
                echo("  could not be replayed: %s" % exc)
                results.append(False)
                continue
            results.append(report_run(run, rows, echo))
    echo("")
    echo("%d of %d runs agree with the course." % (sum(results), len(results)))
    return 0 if all(results) else 1
