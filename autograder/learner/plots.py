"""Pictures of training: the learner's error curve drawn over the reference solution's.

``grade lesson4 --plot`` saves one PNG per training exercise of the lesson (in
``plots/`` of the current folder) and prints where. The learner's curve comes from
running the learner's own function in the sandbox (:class:`autograder.sandbox.Sandbox`),
never by importing it here; the reference curve from the reference solution, on the same
inputs. Drawing uses matplotlib's Agg canvas: no display is needed.

A lesson's plots are described by :data:`SPECS`: for each exercise, a function that,
given a way to call the exercise, returns the points of its curve. A lesson gets plots by
adding entries there; lessons without an entry have nothing to plot.
"""

from __future__ import annotations

import math
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .. import catalogue, reference

PLOT_TIMEOUT = 60.0  # seconds per call of a learner's training function for a plot


class NoCurve(Exception):
    """The learner's function gave nothing to draw (it raised, or returned another shape)."""


@dataclass(frozen=True)
class PlotSpec:
    exercise: str
    title: str
    run: Callable  # run(call) -> (xs, ys); call(func_name, *args) -> answer
    ylabel: str = "error"
    xlabel: str = "iteration"
    needs: Callable = field(default=lambda: None)  # None, or why the plot cannot be drawn here
    kind: str = "curve"  # "curve": run gives (xs, ys); "kernels": run gives (kernel_pixels, num_kernels)


@dataclass
class Plot:
    spec: PlotSpec
    path: Path | None
    reference: tuple
    learner: tuple | None
    problem: str = ""  # why the learner's curve is missing, if it is


# ----------------------------------------------------------------------------- specs


def _floats(values, what):
    try:
        arr = np.asarray(values, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        raise NoCurve("returned %s, which is not %s" % (_short(values), what)) from None
    return arr


def _short(value):
    from ..grading.compare import fmt

    return fmt(value, 60)


def _column(history, index, what):
    """Column ``index`` of a history of tuples (or an (n, k) array)."""
    try:
        arr = np.asarray(history, dtype=float)
    except (TypeError, ValueError):
        raise NoCurve("returned %s, which is not %s" % (_short(history), what)) from None
    if arr.ndim != 2 or arr.shape[1] <= index:
        raise NoCurve("returned %s, which is not %s" % (_short(history), what))
    return arr[:, index]


def _history_curve(func, args, index=0, what="a history of (error, prediction) pairs"):
    def run(call):
        ys = _column(call(func, *args), index, what)
        return list(range(len(ys))), ys.tolist()
    return run


def _errors_curve(func, args, pick=lambda answer: answer, what="a list of errors, one per iteration"):
    def run(call):
        answer = call(func, *args)
        try:
            errors = pick(answer)
        except (TypeError, IndexError, KeyError):
            raise NoCurve("returned %s, which is not %s" % (_short(answer), what)) from None
        ys = _floats(errors, what)
        return list(range(len(ys))), ys.tolist()
    return run


STREETLIGHTS = np.array([[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1], [0, 1, 1], [1, 0, 1]], dtype=float)
WALK_VS_STOP = np.array([0, 1, 0, 1, 1, 0], dtype=float)
NEURON_INPUTS = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], dtype=float)
NEURON_OUTPUTS = np.array([[0, 1, 1, 0]], dtype=float).T
NEURON_CHECKPOINTS = (0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)


def _deep_network_args():
    rs = np.random.RandomState(1)  # the course's np.random.seed(1), without the global state
    weights_0_1 = 2 * rs.random_sample((3, 4)) - 1
    weights_1_2 = 2 * rs.random_sample((4, 1)) - 1
    return (STREETLIGHTS[:4], np.array([1, 1, 0, 0], dtype=float), weights_0_1, weights_1_2, 0.2, 60)


def _neuron_run(call):
    """The neuron's mean squared error after each checkpoint's number of iterations (its
    function returns only weights: each checkpoint is one training run from the start)."""
    start = 2 * np.random.RandomState(1).random_sample((3, 1)) - 1
    ys = []
    for iterations in NEURON_CHECKPOINTS:
        weights = _floats(call("train_neuron", NEURON_INPUTS, NEURON_OUTPUTS, start, iterations),
                          "the three trained weights")
        if weights.shape != (3,):
            raise NoCurve("returned %d numbers, expected the 3 trained weights" % weights.size)
        output = 1 / (1 + np.exp(-NEURON_INPUTS @ weights.reshape(3, 1)))
        ys.append(float(np.mean((NEURON_OUTPUTS - output) ** 2)))
    return list(NEURON_CHECKPOINTS), ys


def _mnist_available():
    from ..data import mnist

    keys = ["test-images", "test-labels"]
    if mnist.available(keys):
        return None
    return "the MNIST test images are not on this machine (`grade data fetch` downloads them)"


def _mnist_args(hidden, alpha, iterations, batch_size):
    from ..data import mnist

    images = mnist.load("test-images")[:1200].reshape(-1, 28 * 28) / 255.0
    labels = np.eye(10)[mnist.load("test-labels")[:1200]]
    rs = np.random.RandomState(1)
    weights_0_1 = 0.2 * rs.random_sample((784, hidden)) - 0.1
    weights_1_2 = 0.2 * rs.random_sample((hidden, 10)) - 0.1
    return (images[:1000], labels[:1000], images[1000:], labels[1000:], weights_0_1, weights_1_2,
            alpha, iterations, batch_size, None, 1)


def _mnist_run(func, hidden, alpha, iterations, batch_size):
    def run(call):
        answer = call(func, *_mnist_args(hidden, alpha, iterations, batch_size))
        what = "(history, weights_0_1, weights_1_2) with one history row per iteration"
        try:
            history = answer[0]
        except (TypeError, IndexError, KeyError):
            raise NoCurve("returned %s, which is not %s" % (_short(answer), what)) from None
        rows = np.asarray(history, dtype=float) if history is not None else None
        if rows is None or rows.ndim != 2 or rows.shape[1] < 2:
            raise NoCurve("returned a history %s, which is not one row per iteration" % _short(history))
        return rows[:, 0].tolist(), rows[:, 1].tolist()
    return run


KERNEL_ROWS = KERNEL_COLS = 3
NUM_KERNELS = 4


def _xo_data():
    """The CNN talk's X and O (pixels 1 / -1), each shifted by one pixel every way: 18 images."""
    import json

    with open(Path(__file__).resolve().parents[1] / "data" / "xo.json", encoding="utf-8") as f:
        raw = json.load(f)["images"]
    images, labels = [], []
    for label, name in enumerate(("x", "o")):
        base = np.array(raw[name], dtype=float)
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                images.append(np.roll(np.roll(base, dr, axis=0), dc, axis=1))
                labels.append(np.eye(2)[label])
    return np.array(images), np.array(labels)


def _kernels_run(call, iterations=60, alpha=0.5):
    """Train a small convolutional network on the X and O images; return the kernels.

    The learner's ``conv_forward`` and ``conv_kernel_update`` do the convolutional layer
    (called through ``call``); the rest (tanh, the dense layer, softmax) is the course's
    lesson-10 network, computed here.
    """
    images, labels = _xo_data()
    rs = np.random.RandomState(1)
    kernels = 0.02 * rs.random_sample((KERNEL_ROWS * KERNEL_COLS, NUM_KERNELS)) - 0.01
    sections = (images.shape[1] - KERNEL_ROWS + 1) * (images.shape[2] - KERNEL_COLS + 1)
    weights_1_2 = 0.2 * rs.random_sample((sections * NUM_KERNELS, 2)) - 0.1
    what = "(flattened_input, kernel_output) of the shapes conv_forward documents"
    for _ in range(iterations):
        answer = call("conv_forward", images, kernels, KERNEL_ROWS, KERNEL_COLS)
        try:
            flattened_input, kernel_output = (np.asarray(a, dtype=float) for a in answer)
            layer_1 = np.tanh(kernel_output.reshape(len(images), -1))
        except (TypeError, ValueError):
            raise NoCurve("conv_forward returned %s, not %s" % (_short(answer), what)) from None
        if layer_1.shape != (len(images), sections * NUM_KERNELS):
            raise NoCurve("conv_forward returned a kernel_output of %d numbers per image, expected %d"
                          % (layer_1.shape[1], sections * NUM_KERNELS))
        scores = np.exp(layer_1 @ weights_1_2)
        layer_2 = scores / scores.sum(axis=1, keepdims=True)
        layer_2_delta = (labels - layer_2) / len(images)
        layer_1_delta = layer_2_delta @ weights_1_2.T * (1 - layer_1 ** 2)
        weights_1_2 = weights_1_2 + alpha * layer_1.T @ layer_2_delta
        kernels = _floats(call("conv_kernel_update", flattened_input, layer_1_delta, kernels, alpha),
                          "the updated kernels")
        if kernels.size != KERNEL_ROWS * KERNEL_COLS * NUM_KERNELS:
            raise NoCurve("returned %d numbers, expected kernels of shape (%d, %d)"
                          % (kernels.size, KERNEL_ROWS * KERNEL_COLS, NUM_KERNELS))
        kernels = kernels.reshape(KERNEL_ROWS * KERNEL_COLS, NUM_KERNELS)
    return kernels


def _guess_run(call, steps=30):
    """The M&M best guess after 0, 1, ... steps from 40, on the talk's bags of 53 and 57
    (the function returns only the last guess: each point is one run from the start)."""
    ys = []
    for iterations in range(steps + 1):
        guess = _floats(call("best_guess", [53.0, 57.0], 40.0, 0.1, iterations), "a number, the guess")
        if guess.size != 1:
            raise NoCurve("returned %d numbers, expected the guess (one number)" % guess.size)
        ys.append(float(guess[0]))
    return list(range(steps + 1)), ys


def _dinner_run(call, days=14):
    """The unrolled dinner predictions for two weeks away after pizza: one row per night."""
    from ..data import rnn_talk as talk

    rows = _floats(call("unroll_dinners", np.eye(3)[0], talk.LEAKY_CYCLE, days), "%d nights of 3 votes" % days)
    if rows.size != days * 3:
        raise NoCurve("returned %d numbers, expected %d nights of 3 votes (shape (%d, 3))" % (rows.size, days, days))
    return {"shared": {}, "compared": {"predictions": rows.reshape(days, 3)},
            "rows": ["night %d" % (n + 1) for n in range(days)], "cols": list(talk.DINNERS)}


def _book_lstm_run(call):
    """The talk's LSTM over the children's book, one lstm_step per word: the gates it opens
    at each word (from the word and the step's prediction) and the predictions it releases."""
    from ..data import rnn_talk as talk

    weights = talk.book_lstm_weights()
    size = len(talk.BOOK_WORDS)
    prediction = memory = np.zeros(size)
    gates = {"ignore gate": [], "forget gate": [], "select gate": []}
    predictions = []
    for word in talk.BOOK_STORY:
        x = np.eye(size)[talk.BOOK_WORDS.index(word)]
        for name, values in talk.lstm_gates(x, prediction, weights).items():
            gates[name + " gate"].append(values)
        answer = call("lstm_step", x, prediction, memory, weights)
        try:
            prediction, memory = (np.asarray(a, dtype=float).reshape(size) for a in answer)
        except (TypeError, ValueError):
            raise NoCurve("returned %s, not (new_prediction, new_memory) of %d numbers each"
                          % (_short(answer), size)) from None
        predictions.append(prediction)
    return {"shared": {name: np.array(rows) for name, rows in gates.items()},
            "compared": {"predictions": np.array(predictions)},
            "rows": list(talk.BOOK_STORY), "cols": list(talk.BOOK_WORDS)}


SPECS = {
    "lesson4": [
        PlotSpec("gradient_descent", "gradient_descent(0.5, 0.5, 0.8, 1, 20): the course's run",
                 _history_curve("gradient_descent", (0.5, 0.5, 0.8, 1, 20))),
        PlotSpec("hot_cold_learning", "hot_cold_learning(0.5, 0.5, 0.8, 0.001, 1101): the course's run",
                 _history_curve("hot_cold_learning", (0.5, 0.5, 0.8, 0.001, 1101))),
    ],
    "lesson6": [
        PlotSpec("streetlight_sgd", "streetlight_sgd on the six streetlights, alpha 0.1, 40 iterations",
                 _errors_curve("streetlight_sgd", (STREETLIGHTS, WALK_VS_STOP, np.array([0.5, 0.48, -0.7]), 0.1, 40)),
                 ylabel="total error of the iteration"),
        PlotSpec("train_deep_network", "train_deep_network: the course's first deep network",
                 lambda call: _errors_curve("train_deep_network", _deep_network_args(),
                                            pick=lambda answer: answer[0],
                                            what="(errors, weights_0_1, weights_1_2)")(call),
                 ylabel="total error of the iteration"),
    ],
    "lesson8": [
        PlotSpec("train_mnist", "train_mnist on 1,000 MNIST test images (hidden 40, alpha 0.005)",
                 _mnist_run("train_mnist", 40, 0.005, 15, 1), ylabel="training error (Train-Err)",
                 needs=_mnist_available),
    ],
    "lesson9": [
        PlotSpec("train_mnist_tanh_softmax", "train_mnist_tanh_softmax on 1,000 MNIST test images",
                 _mnist_run("train_mnist_tanh_softmax", 100, 2, 15, 100), ylabel="training error (Train-Err)",
                 needs=_mnist_available),
    ],
    "lesson10": [
        PlotSpec("conv_kernel_update", "kernels learned on the CNN talk's X and O (60 steps, 4 kernels of 3x3)",
                 _kernels_run, kind="kernels"),
    ],
    "backprop": [
        PlotSpec("best_guess", "best_guess on the talk's bags of 53 and 57 M&Ms, from 40 (rate 0.1)",
                 _guess_run, ylabel="guess (M&Ms in a bag)", xlabel="steps of gradient descent"),
    ],
    "rnn": [
        PlotSpec("unroll_dinners", "unroll_dinners after pizza, two weeks away (the cycle kept 8 nights in 10)",
                 _dinner_run, kind="heatmaps"),
        PlotSpec("lstm_step", "lstm_step over the children's book: the talk's gates and predictions, word by word",
                 _book_lstm_run, kind="heatmaps"),
    ],
    "neuron": [
        PlotSpec("train_neuron", "train_neuron on the video's four examples, from np.random.seed(1)",
                 _neuron_run, ylabel="mean squared error after training",
                 xlabel="iterations of training"),
    ],
}


def specs(lesson_name: str) -> list:
    """The plots of a lesson whose exercises exist (an empty list: nothing to plot)."""
    lesson = catalogue.lesson(lesson_name)
    names = {e.name for e in lesson.exercises}
    needed = {"conv_kernel_update": {"conv_forward", "conv_kernel_update"}}
    return [s for s in SPECS.get(lesson_name, []) if needed.get(s.exercise, {s.exercise}) <= names]


# ----------------------------------------------------------------------------- running


def _learner_call(sandbox, lesson, spec, label):
    from ..grading.plugin import describe_outcome

    exercise = lesson.exercise(spec.exercise)
    state = types.SimpleNamespace(submission_label=label)

    def call(func, *args):
        outcome = sandbox.call("plot-" + spec.exercise, func, list(args),
                               timeout=max(PLOT_TIMEOUT, exercise.time_limit), memory_mb=exercise.memory_mb)
        if outcome.status != "ok":
            limits = types.SimpleNamespace(time_limit=max(PLOT_TIMEOUT, exercise.time_limit),
                                           memory_mb=exercise.memory_mb)
            message, _ = describe_outcome(func, "%s(...)" % func, outcome, state, limits)
            raise NoCurve(message)
        return outcome.value

    return call


def make_plots(lesson_name, submission, out_dir=Path("plots")) -> list:
    """Draw every plot of ``lesson_name`` for the learner's file ``submission``; return
    the :class:`Plot` of each (``path`` is None when not even the reference could run)."""
    from ..sandbox import Sandbox

    lesson = catalogue.lesson(lesson_name)
    todo = specs(lesson_name)
    if not todo:
        return []
    ref = reference.load(lesson_name)

    def ref_call(func, *args):
        return getattr(ref, func)(*args)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    plots = []
    submission = Path(submission)
    with Sandbox(submission, module_name=lesson_name) as sandbox:
        for spec in todo:
            why_not = spec.needs()
            if why_not:
                plots.append(Plot(spec, None, ((), ()), None, why_not))
                continue
            reference_curve = spec.run(ref_call)
            learner, problem = None, ""
            try:
                learner = spec.run(_learner_call(sandbox, lesson, spec, submission.name))
            except NoCurve as exc:
                problem = "your %s %s" % (spec.exercise, exc) if str(exc).startswith("returned") else str(exc)
            path = out_dir / ("%s-%s.png" % (lesson_name, spec.exercise))
            drawer = {"kernels": draw_kernels, "heatmaps": draw_heatmaps}.get(spec.kind, draw)
            drawer(spec, reference_curve, learner, path, problem)
            plots.append(Plot(spec, path, reference_curve, learner, problem))
    return plots


# ----------------------------------------------------------------------------- drawing


def _finite(xs, ys):
    pairs = [(x, y) for x, y in zip(xs, ys) if isinstance(y, float) and math.isfinite(y)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def draw(spec, reference_curve, learner, path, problem=""):
    """Save the picture: the reference curve (dashed) under the learner's (solid)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.5), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(1, 1, 1)
    rx, ry = _finite(*reference_curve)
    ax.plot(rx, ry, linestyle="--", linewidth=2.5, color="0.45", label="reference solution")
    all_y = list(ry)
    if learner is not None:
        lx, ly = _finite(*learner)
        ax.plot(lx, ly, linewidth=1.6, color="tab:blue", marker="o" if len(lx) <= 30 else None,
                markersize=3.5, label="your %s" % spec.exercise)
        all_y += ly
        if len(ly) < len(learner[1]):
            problem = problem or "some of your values are NaN or infinite and are not drawn"
    positive = [y for y in all_y if y > 0]
    if positive and len(positive) == len(all_y) and max(positive) / min(positive) > 100:
        ax.set_yscale("log")
    if spec.xlabel.startswith("iterations of") and rx and min(x for x in rx if x > 0) > 0:
        ax.set_xscale("symlog", linthresh=1)
        ax.set_xlim(left=0, right=max(rx) * 1.2)
    ax.set_title(spec.title, fontsize=10)
    ax.set_xlabel(spec.xlabel)
    ax.set_ylabel(spec.ylabel)
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper right")
    if problem:
        ax.text(0.02, 0.04, _wrap(problem, 90), transform=ax.transAxes, fontsize=8, color="tab:red",
                va="bottom")
    fig.subplots_adjust(left=0.1, right=0.97, top=0.92, bottom=0.12)
    fig.savefig(path)
    return path


def draw_kernels(spec, reference_kernels, learner, path, problem=""):
    """Save the kernels as small grey images: the learner's row above the reference's."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.5), dpi=100)
    FigureCanvasAgg(fig)
    rows = [("yours", learner), ("reference", reference_kernels)]
    count = reference_kernels.shape[1]
    grid = fig.add_gridspec(2, count, left=0.12, right=0.98, top=0.86, bottom=0.12, wspace=0.15, hspace=0.25)
    for r, (label, kernels) in enumerate(rows):
        for k in range(count):
            ax = fig.add_subplot(grid[r, k])
            ax.set_xticks([])
            ax.set_yticks([])
            if kernels is not None:
                image = np.asarray(kernels)[:, k].reshape(KERNEL_ROWS, KERNEL_COLS)
                ax.imshow(image, cmap="gray", interpolation="nearest")
            if k == 0:
                ax.set_ylabel(label, fontsize=11)
            if r == 0:
                ax.set_title("kernel %d" % (k + 1), fontsize=9)
    fig.suptitle(spec.title, fontsize=10)
    if problem:
        fig.text(0.02, 0.02, _wrap(problem, 110), fontsize=8, color="tab:red", va="bottom")
    fig.savefig(path)
    return path


def draw_heatmaps(spec, reference, learner, path, problem=""):
    """Save heat maps (rows: steps, columns: words or dinners; blue -1, white 0, red 1):
    the panels every run shares, then each compared panel, the learner's beside the reference's."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.5), dpi=100)
    FigureCanvasAgg(fig)
    panels = [(name, matrix) for name, matrix in (learner or reference)["shared"].items()]
    for name, matrix in reference["compared"].items():
        panels += [("your " + name, learner["compared"][name] if learner else None), ("reference " + name, matrix)]
    columns = min(3, len(panels))
    rows = -(-len(panels) // columns)
    grid = fig.add_gridspec(rows, columns, left=0.1, right=0.98, top=0.86, bottom=0.14 if problem else 0.06,
                            wspace=0.45, hspace=0.45)
    labels_y, labels_x = reference["rows"], reference["cols"]
    small = len(labels_y) * len(labels_x) <= 60
    for k, (name, matrix) in enumerate(panels):
        ax = fig.add_subplot(grid[k // columns, k % columns])
        ax.set_title(name, fontsize=9)
        ax.set_xticks(range(len(labels_x)))
        ax.set_xticklabels(labels_x, fontsize=7)
        ax.set_yticks(range(len(labels_y)))
        ax.set_yticklabels(labels_y, fontsize=6 if len(labels_y) > 10 else 7)
        if matrix is None:
            ax.text(0.5, 0.5, "did not run", transform=ax.transAxes, ha="center", va="center", color="tab:red")
            continue
        ax.imshow(np.clip(matrix, -1, 1), cmap="coolwarm", vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
        if small:
            for (r, c), value in np.ndenumerate(matrix):
                ax.text(c, r, "%.2f" % (round(float(value), 2) + 0.0), ha="center", va="center", fontsize=5.5)
    fig.suptitle(spec.title, fontsize=10)
    if problem:
        fig.text(0.02, 0.02, _wrap(problem, 110), fontsize=8, color="tab:red", va="bottom")
    fig.savefig(path)
    return path


def _wrap(text, width):
    import textwrap

    return "\n".join(textwrap.wrap(text, width)[:4])


def describe(plots, lesson_name) -> str:
    """What ``grade lessonN --plot`` prints about the pictures it saved."""
    import os
    import textwrap

    if not plots:
        return "%s has no training exercise to plot.\n" % lesson_name
    out = []
    for p in plots:
        if p.path is None:
            out += textwrap.wrap("No plot of %s: %s." % (p.spec.exercise, p.problem), 78)
            continue
        shown = os.path.relpath(p.path) if not os.path.relpath(p.path).startswith("..") else str(p.path)
        out.append("Plot of %s: %s" % (p.spec.exercise, shown))
        if p.problem:
            out += textwrap.wrap("(only the reference is drawn: %s)" % p.problem, 78, initial_indent="  ",
                                 subsequent_indent="  ")
    return "\n".join(out) + "\n"
