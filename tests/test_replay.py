"""The replay of the course's MNIST runs (``grade lessonN --replay``), on small IDX files
made here standing for MNIST (the real training images are not available offline): the
learner's code runs in the sandbox, in chunks, and gives the same history as one
uninterrupted run; figures are compared the course's way (errors truncated to 5
characters; dropout runs as ranges); failures and missing data are messages."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from autograder import catalogue, reference

from autograder.data import mnist

from autograder.learner import replay
from conftest import ROOT, SHARED

OFFLINE = Path(os.environ.get(mnist.ENV_VAR) or SHARED / "datasets" / "mnist")


def idx_bytes(array):
    array = np.asarray(array, dtype=np.uint8)
    return bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape) + array.tobytes()


@pytest.fixture
def small_mnist(tmp_path, monkeypatch):
    """A folder of four small IDX files (60 'training' and 50 test images) and a manifest
    with their checksums."""
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)
    monkeypatch.setattr(mnist, "cache_dir", lambda: tmp_path / "cache")
    rng = np.random.default_rng(3)
    images = (rng.random((110, 28, 28)) < 0.2) * rng.integers(0, 256, (110, 28, 28))
    labels = rng.integers(0, 10, 110)
    manifest = copy.deepcopy(mnist.manifest())
    folder = tmp_path / "mnist"
    folder.mkdir()
    for key, array in (("train-images", images[:60]), ("train-labels", labels[:60]),
                       ("test-images", images[60:]), ("test-labels", labels[60:])):
        raw = idx_bytes(array)
        manifest["files"][key]["sha256"] = hashlib.sha256(raw).hexdigest()
        (folder / manifest["files"][key]["file"]).write_bytes(raw)
    mnist.clear_memory_cache()
    monkeypatch.setattr(mnist, "_manifest", manifest)
    monkeypatch.setattr(replay, "CHUNK", 10)
    yield folder
    mnist.clear_memory_cache()


def short(run, iterations=21, n_train=60):
    return dataclasses.replace(run, iterations=iterations, n_train=n_train)


def run_replay(lesson, submission, folder, runs):
    lines = []
    code = replay.replay(lesson, submission, data_dir=folder, echo=lines.append, progress=False, runs=runs)
    return code, "\n".join(lines)


def test_chunked_replay_equals_one_uninterrupted_run(small_mnist):
    run = short(replay.RUNS["lesson8"][0])
    data = mnist.course_arrays(60, small_mnist)
    from autograder.sandbox import Sandbox

    with Sandbox(ROOT / "solutions" / "lesson8.py", module_name="lesson8") as sandbox:
        rows = replay.train(sandbox, run, data, progress=False)
    w01, w12 = replay.initial_weights(run)
    history, _, _ = reference.load("lesson8").train_mnist(*data, w01, w12, run.alpha, run.iterations, 1, None, 10)
    for row in history:
        assert np.allclose(rows[int(row[0])], row, rtol=1e-12, atol=0), row[0]
    assert sorted(rows)[:3] == [0, 9, 10]


def test_report_shows_the_course_beside_the_learner(small_mnist):
    runs = [short(replay.RUNS["lesson8"][0])]
    code, text = run_replay("lesson8", ROOT / "solutions" / "lesson8.py", small_mnist, runs)
    assert code == 1  # other data than the course's: the figures cannot agree
    assert "L8.mnist-3layer.table" in text and "course / yours" in text
    assert "I:0" in text and "0.722" in text and "I:20" in text and "I:30" not in text
    assert "does NOT agree" in text and "str(x)[0:5]" in text
    assert all(len(line) <= 80 for line in text.splitlines()), max(text.splitlines(), key=len)


def test_figures_equal_to_the_course_agree(small_mnist, monkeypatch):
    """Printed figures made from the reference's own run (errors truncated as the course
    does) agree; the same run counts as a dropout run within the ranges."""
    run = short(replay.RUNS["lesson8"][0])
    data = mnist.course_arrays(60, small_mnist)
    w01, w12 = replay.initial_weights(run)
    history, _, _ = reference.load("lesson8").train_mnist(*data, w01, w12, run.alpha, run.iterations, 1, None, 10)
    course_like = {int(r[0]): {c: float(replay.course_text(c, r[replay.HISTORY[c]])) for c in run.columns}
                   for r in history if int(r[0]) % 10 == 0}
    monkeypatch.setattr(replay, "printed_rows", lambda r: course_like)
    monkeypatch.setattr(replay, "printed_texts", lambda r: {})
    code, text = run_replay("lesson8", ROOT / "solutions" / "lesson8.py", small_mnist, [run])
    assert code == 0, text
    assert "12 of 12 figures agree" in text and "1 of 1 runs agree" in text


def test_dropout_runs_are_compared_as_ranges_and_say_why(small_mnist):
    runs = [short(replay.RUNS["lesson8"][2], iterations=11)]
    code, text = run_replay("lesson8", ROOT / "solutions" / "lesson8.py", small_mnist, runs)
    assert "compared as a range" in text and "np.random.randint" in text
    assert "alpha 0.001 (yours: 0.1)" in text and "applied 100 times" in text  # the batch table's listing
    assert code == 1


def test_comparison_rules():
    assert replay.agrees("train_err", 0.722, 0.72299, dropout=False)
    assert not replay.agrees("train_err", 0.722, 0.7231, dropout=False)
    assert not replay.agrees("train_err", 0.722, 0.7219, dropout=False)
    assert replay.agrees("test_acc", 0.6488, 0.6488, dropout=False)
    assert not replay.agrees("test_acc", 0.6488, 0.6588, dropout=False)
    assert replay.agrees("test_acc", 0.8236, 0.80, dropout=True)
    assert not replay.agrees("test_acc", 0.8236, 0.75, dropout=True)
    assert not replay.agrees("test_acc", 0.8236, float("nan"), dropout=True)
    assert replay.course_text("train_err", 0.26049) == "0.260"
    assert replay.course_text("test_acc", 0.8114) == "0.8114"


def test_printed_texts_are_the_course_prints():
    texts = replay.printed_texts(replay.RUNS["lesson8"][0])
    assert texts[20]["train_err"] == "0.260" and texts[349]["test_acc"] == "0.7073"
    texts9 = replay.printed_texts(replay.RUNS["lesson9"][0])
    assert texts9[120] == {"test_acc": "0.8481", "train_acc": "0.90"}


def test_every_run_replays_a_trace_of_its_lesson():
    for lesson, runs in replay.RUNS.items():
        for run in runs:
            t = catalogue.trace(run.trace)
            assert t.lesson == lesson
            assert len(t.value[0]) == 1 + len(run.columns)
            assert run.trace in catalogue.lesson(lesson).ungraded_traces
            assert "--replay" in catalogue.lesson(lesson).ungraded_traces[run.trace]


def test_lesson9_replay_runs_the_learners_function(small_mnist):
    runs = [short(replay.RUNS["lesson9"][0], iterations=11)]
    code, text = run_replay("lesson9", ROOT / "solutions" / "lesson9.py", small_mnist, runs)
    assert "L9.mnist-tanh-softmax.table" in text and "Test-Acc" in text and "could not" not in text


def test_a_stub_or_a_crash_is_a_message(small_mnist, tmp_path):
    runs = [short(replay.RUNS["lesson8"][0], iterations=3)]
    code, text = run_replay("lesson8", ROOT / "exercises" / "lesson8.py", small_mnist, runs)
    assert code == 1 and "not written yet" in text
    crashing = tmp_path / "lesson8.py"
    crashing.write_text("import os\n\ndef train_mnist(*args):\n    os._exit(3)\n")
    code, text = run_replay("lesson8", crashing, small_mnist, runs)
    assert code == 1 and "could not be replayed" in text


def test_missing_training_images_name_the_command(tmp_path, monkeypatch):
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)
    monkeypatch.setattr(mnist, "cache_dir", lambda: tmp_path / "cache")
    mnist.clear_memory_cache()
    lines = []
    code = replay.replay("lesson8", ROOT / "solutions" / "lesson8.py", data_dir=tmp_path, echo=lines.append,
                         progress=False)
    assert code == 2
    text = " ".join(lines)
    assert "grade data fetch" in text and "train-images-idx3-ubyte" in text
    assert replay.replay("lesson3", ROOT / "solutions" / "lesson3.py", echo=lines.append) == 2


@pytest.mark.skipif(not (OFFLINE / "t10k-images-idx3-ubyte.gz").is_file(), reason="no offline MNIST folder")
def test_initial_weights_are_the_courses(monkeypatch):
    """The replay's seed-1 weights give the course's untrained test figures (aux traces)."""
    monkeypatch.setenv(mnist.ENV_VAR, str(OFFLINE))
    mnist.clear_memory_cache()
    _, _, test_images, test_labels = mnist.course_arrays(0)
    aux8 = catalogue.trace("L8.aux.untrained-test-eval").value
    for run, (err, acc) in ((replay.RUNS["lesson8"][0], aux8[0:2]), (replay.RUNS["lesson8"][1], aux8[2:4])):
        w01, w12 = replay.initial_weights(run)
        out = np.maximum(test_images.dot(w01), 0).dot(w12)
        assert abs(np.sum((test_labels - out) ** 2) / 10000 - err) < 1e-9
        assert np.mean(out.argmax(1) == test_labels.argmax(1)) == acc
    w01, w12 = replay.initial_weights(replay.RUNS["lesson9"][0])
    out = np.tanh(test_images.dot(w01)).dot(w12)
    assert np.mean(out.argmax(1) == test_labels.argmax(1)) == catalogue.trace("L9.aux.untrained-test-acc").value
