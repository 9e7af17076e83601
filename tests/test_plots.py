"""`grade lessonN --plot`: a PNG of the learner's curve (run in the sandbox) over the
reference's, checked by opening the image."""

import sys

import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.image import imread

from autograder import catalogue

from autograder.learner import plots
from autograder.cli import main
from conftest import ROOT, solution_text, with_override

LEARNER_BLUE = np.array([0x1F, 0x77, 0xB4]) / 255  # matplotlib's tab:blue, the learner's curve


def blue_pixels(image):
    rgb = image[..., :3]
    return int((np.abs(rgb - LEARNER_BLUE).max(axis=-1) < 0.02).sum())


def check_png(path):
    image = imread(str(path))
    assert image.shape[:2] == (450, 800)  # 8 x 4.5 inches at 100 dpi
    assert image[..., :3].std() > 0.05  # not blank
    assert len(np.unique(image[..., :3].reshape(-1, 3), axis=0)) > 20
    return image


def test_neuron_plot_draws_the_learners_curve_from_the_sandbox(tmp_path):
    submission = tmp_path / "neuron.py"
    submission.write_text(solution_text("neuron"))
    (plot,) = plots.make_plots("neuron", submission, tmp_path / "plots")
    assert plot.problem == "" and plot.path == tmp_path / "plots" / "neuron-train_neuron.png"
    image = check_png(plot.path)
    assert blue_pixels(image) > 200  # the learner's curve is there
    # Same function, same numbers: the learner's curve is the reference's.
    assert np.allclose(plot.learner[1], plot.reference[1])
    assert plot.reference[1][0] > 10 * plot.reference[1][-1]  # the error falls
    # The learner's file never ran in this process (the solutions' doctests may have
    # imported a module named "neuron" from solutions/ in this worker: look at files).
    loaded = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    assert str(submission) not in loaded


def test_a_wrong_learner_gives_another_curve_and_a_stub_only_the_reference(tmp_path):
    wrong = tmp_path / "wrong.py"
    wrong.write_text(with_override("neuron", "def train_neuron(inputs, outputs, weights, iterations):\n"
                                             "    return np.array(weights, dtype=float)\n"))
    (plot,) = plots.make_plots("neuron", wrong, tmp_path / "wrong")
    assert not np.allclose(plot.learner[1], plot.reference[1])  # a flat line: it never learns
    assert len(set(plot.learner[1])) == 1

    stub = tmp_path / "stub.py"
    stub.write_text((ROOT / "exercises" / "neuron.py").read_text())
    (plot,) = plots.make_plots("neuron", stub, tmp_path / "stub")
    assert plot.learner is None and "not written yet" in plot.problem
    image = check_png(plot.path)
    assert blue_pixels(image) == 0  # only the reference curve


def has_exercise(lesson, name):
    return lesson in catalogue.lessons() and name in {e.name for e in catalogue.lesson(lesson).exercises}


@pytest.mark.skipif(not has_exercise("lesson4", "gradient_descent"), reason="lesson 4 has no gradient_descent")
def test_lesson4_gradient_descent_plot(tmp_path):
    submission = tmp_path / "lesson4.py"
    submission.write_text(solution_text("lesson4"))
    made = {p.spec.exercise: p for p in plots.make_plots("lesson4", submission, tmp_path)}
    plot = made["gradient_descent"]
    assert plot.problem == ""
    assert blue_pixels(check_png(plot.path)) > 200
    assert plot.reference[1][0] == pytest.approx(0.3025)  # the course's first error


def test_grade_plot_prints_the_path(tmp_path, monkeypatch):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "neuron.py").write_text(solution_text("neuron"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GROKKING_NO_HISTORY", "1")
    monkeypatch.delenv("DISPLAY", raising=False)  # headless
    result = CliRunner().invoke(main, ["neuron", "--plot", "--seed", "2"], env={"NO_COLOR": "1", "COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "Plot of train_neuron: plots/neuron-train_neuron.png" in result.output
    check_png(tmp_path / "plots" / "neuron-train_neuron.png")

    nothing = CliRunner().invoke(main, ["lesson11", "-s", str(ROOT / "solutions" / "lesson11.py"), "--plot"])
    assert "lesson11 has no training exercise to plot." in nothing.output


@pytest.mark.skipif(not (has_exercise("lesson10", "conv_forward") and has_exercise("lesson10", "conv_kernel_update")),
                    reason="lesson 10 has no convolutional layer exercises")
def test_lesson10_kernels_are_drawn_as_images(tmp_path):
    submission = tmp_path / "lesson10.py"
    submission.write_text(solution_text("lesson10"))
    (plot,) = plots.make_plots("lesson10", submission, tmp_path / "right")
    assert plot.problem == "" and np.allclose(plot.learner, plot.reference)
    image = check_png(plot.path)
    top, bottom = image[60:220, 90:], image[245:405, 90:]  # the learner's row, the reference's row
    assert top[..., :3].std() > 0.1 and np.abs(top - bottom).mean() < 0.02  # same kernels, same pictures

    listing = tmp_path / "listing.py"  # the listing's `kernels -= alpha * k_update`
    listing.write_text(with_override("lesson10", "def conv_kernel_update(flattened_input, layer_1_delta, kernels, alpha):\n"
                                                 "    delta = np.asarray(layer_1_delta).reshape(-1, kernels.shape[1])\n"
                                                 "    return kernels - alpha * flattened_input.T.dot(delta)\n"))
    (plot,) = plots.make_plots("lesson10", listing, tmp_path / "listing")
    assert plot.learner is not None and not np.allclose(plot.learner, plot.reference)


@pytest.mark.skipif(not has_exercise("rnn", "lstm_step"), reason="no rnn lesson")
def test_rnn_heat_maps_of_the_dinners_and_the_book(tmp_path):
    submission = tmp_path / "rnn.py"
    submission.write_text(solution_text("rnn"))
    made = {p.spec.exercise: p for p in plots.make_plots("rnn", submission, tmp_path / "right")}
    dinners, book = made["unroll_dinners"], made["lstm_step"]
    for plot in (dinners, book):
        assert plot.problem == "" and plot.path.name == "rnn-%s.png" % plot.spec.exercise
        check_png(plot.path)
        assert np.allclose(plot.learner["compared"]["predictions"], plot.reference["compared"]["predictions"])
    rgb = check_png(dinners.path)[..., :3]
    assert ((rgb[..., 0] > 0.7) & (rgb[..., 2] < 0.4)).sum() > 500  # red cells: the confident first nights
    predictions = dinners.reference["compared"]["predictions"]
    assert predictions.shape == (14, 3) and predictions[0].argmax() == 1  # sushi after pizza
    assert set(book.reference["shared"]) == {"ignore gate", "forget gate", "select gate"}
    after_doug_saw = book.reference["compared"]["predictions"][5]
    assert after_doug_saw[1] > 0.5 and after_doug_saw[2] > 0.5 and abs(after_doug_saw[0]) < 0.1

    wrong = tmp_path / "wrong.py"  # tanh missing before the select gate
    wrong.write_text(with_override("rnn", "def lstm_step(x, prediction, memory, weights):\n"
                                          "    v = np.concatenate([x, prediction])\n"
                                          "    s = lambda z: 1 / (1 + np.exp(-z))\n"
                                          "    m = s(weights['forget'] @ v) * memory + s(weights['ignore'] @ v)"
                                          " * np.tanh(weights['candidate'] @ v)\n"
                                          "    return s(weights['select'] @ v) * m, m\n"))
    (_, plot) = plots.make_plots("rnn", wrong, tmp_path / "wrong")
    assert plot.learner is not None
    assert not np.allclose(plot.learner["compared"]["predictions"], plot.reference["compared"]["predictions"])


@pytest.mark.skipif(not has_exercise("backprop", "best_guess"), reason="no backprop lesson")
def test_backprop_best_guess_settles_on_the_mean(tmp_path):
    submission = tmp_path / "backprop.py"
    submission.write_text(solution_text("backprop"))
    (plot,) = plots.make_plots("backprop", submission, tmp_path)
    assert plot.problem == "" and blue_pixels(check_png(plot.path)) > 200
    assert plot.reference[1][0] == 40.0 and plot.reference[1][-1] == pytest.approx(55.0, abs=0.1)
