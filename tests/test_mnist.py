"""MNIST: reading IDX files, checksums, the offline folder, and downloads tested against a
local HTTP server (127.0.0.1, in a thread) serving IDX files made here. No test touches
the internet. The *.aux.* traces check loading and evaluation on the real test set when
the offline folder (../shared/datasets/mnist or $GROKKING_DATA_DIR) is there."""

from __future__ import annotations

import copy
import gzip
import hashlib
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from autograder import catalogue

from autograder.data import mnist
from conftest import ROOT, SHARED

OFFLINE = Path(os.environ.get(mnist.ENV_VAR) or SHARED / "datasets" / "mnist")
needs_offline = pytest.mark.skipif(not (OFFLINE / "t10k-images-idx3-ubyte.gz").is_file(),
                                   reason="the offline MNIST folder is not here")


def idx_bytes(array):
    array = np.asarray(array, dtype=np.uint8)
    head = bytes([0, 0, 0x08, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    return head + array.tobytes()


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch, tmp_path):
    """Each test: its own cache folder, no $GROKKING_DATA_DIR, nothing remembered."""
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)
    monkeypatch.setattr(mnist, "cache_dir", lambda: tmp_path / "cache" / "mnist")
    mnist.clear_memory_cache()
    yield
    mnist.clear_memory_cache()


@pytest.fixture
def fake_mnist(tmp_path, monkeypatch):
    """Small IDX files standing for MNIST's four, and a manifest with their checksums."""
    rng = np.random.default_rng(0)
    arrays = {
        "train-images": rng.integers(0, 256, (30, 28, 28)),
        "train-labels": rng.integers(0, 10, 30),
        "test-images": rng.integers(0, 256, (20, 28, 28)),
        "test-labels": rng.integers(0, 10, 20),
    }
    served = tmp_path / "served"
    served.mkdir()
    manifest = copy.deepcopy(mnist.manifest())
    for key, array in arrays.items():
        raw = idx_bytes(array)
        entry = manifest["files"][key]
        entry["sha256"] = hashlib.sha256(raw).hexdigest()
        entry["bytes"] = len(raw)
        packed = gzip.compress(raw)
        entry["gz_bytes"] = len(packed)
        (served / (entry["file"] + ".gz")).write_bytes(packed)
    monkeypatch.setattr(mnist, "_manifest", manifest)
    return arrays, served


class Server:
    """An HTTP server on 127.0.0.1 serving ``folder``; ``broken`` names files it cuts short."""

    def __init__(self, folder, *, corrupt=(), truncate=()):
        folder, corrupt, truncate = Path(folder), set(corrupt), set(truncate)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                name = self.path.rsplit("/", 1)[-1]
                path = folder / name
                if not path.is_file():
                    self.send_error(404)
                    return
                data = path.read_bytes()
                if name in corrupt:  # same size, other contents
                    data = gzip.compress(b"\0" * 64)
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if name in truncate:  # the connection drops half-way
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/mnist/" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def dead_url():
    """A URL nobody answers (a port just closed)."""
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    return "http://127.0.0.1:%d/mnist/" % port


def leftovers(folder):
    return sorted(p.name for p in Path(folder).glob("*") if p.name.startswith(".partial"))


# ----------------------------------------------------------------------------- IDX files


@pytest.mark.parametrize("packed", [False, True])
def test_read_idx_plain_and_gzipped(tmp_path, packed):
    array = np.arange(2 * 3 * 4).reshape(2, 3, 4)
    path = tmp_path / ("x.idx.gz" if packed else "x.idx")
    path.write_bytes(gzip.compress(idx_bytes(array)) if packed else idx_bytes(array))
    got = mnist.read_idx(path)
    assert got.shape == (2, 3, 4) and got.dtype == np.uint8
    assert (got == array).all()


def test_read_idx_refuses_broken_files(tmp_path):
    bad = tmp_path / "bad"
    bad.write_bytes(b"\x01\x02\x08\x01" + b"\0" * 8)
    with pytest.raises(mnist.DataCorrupt, match="magic"):
        mnist.read_idx(bad)
    short = tmp_path / "short"
    short.write_bytes(idx_bytes(np.zeros((5, 2)))[:-3])
    with pytest.raises(mnist.DataCorrupt, match="truncated"):
        mnist.read_idx(short)


def test_manifest_lists_the_four_files_with_checksums():
    assert mnist.keys() == ["train-images", "train-labels", "test-images", "test-labels"]
    for key in mnist.keys():
        e = mnist.entry(key)
        assert re.fullmatch(r"[0-9a-f]{64}", e["sha256"]) and re.fullmatch(r"[0-9a-f]{64}", e["gz_sha256"])
        assert e["bytes"] > 0 and e["gz_bytes"] > 0
    assert all(m.endswith("/") for m in mnist.manifest()["mirrors"])
    assert not (ROOT / "datasets" / "__init__.py").exists(), "datasets/ holds data notes, not a package"


def test_manifest_agrees_with_the_offline_notes():
    notes = SHARED / "datasets" / "README.md"
    if not notes.is_file():
        pytest.skip("../shared is not beside the checkout")
    listed = dict(re.findall(r"- ([a-z0-9-]+): ([0-9a-f]{64})", notes.read_text()))
    assert listed
    by_file = {mnist.entry(k)["file"]: mnist.entry(k)["sha256"] for k in mnist.keys()}
    for name, sha in listed.items():
        assert by_file[name] == sha, name


# ----------------------------------------------------------------------------- the offline folder


@needs_offline
def test_offline_folder_files_verify_and_load(monkeypatch):
    monkeypatch.setenv(mnist.ENV_VAR, str(OFFLINE))
    images = mnist.load("test-images")
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert mnist.load("test-labels").shape == (10000,)
    assert mnist.load("train-labels").shape == (60000,)


@needs_offline
def test_aux_label_facts(monkeypatch):
    monkeypatch.setenv(mnist.ENV_VAR, str(OFFLINE))
    t = catalogue.trace("L8.aux.mnist-label-facts")
    test_labels, train_labels = mnist.load("test-labels"), mnist.load("train-labels")
    got = [np.bincount(test_labels, minlength=10).tolist(), np.bincount(train_labels[:1000], minlength=10).tolist(),
           test_labels[:10].tolist(), train_labels[:10].tolist()]
    assert got == t.value
    one_hot = mnist.one_hot(train_labels[:1000])
    assert one_hot.shape == (1000, 10) and (one_hot.sum(axis=1) == 1).all()
    assert one_hot.sum(axis=0).tolist() == t.value[1]


def _untrained_eval(hidden, scale, activation):
    legacy = np.random.RandomState(1)
    w01 = scale * legacy.random_sample((784, hidden)) - scale / 2
    w12 = 0.2 * legacy.random_sample((hidden, 10)) - 0.1
    images, labels, test_images, test_labels = mnist.course_arrays(0)
    out = activation(test_images.dot(w01)).dot(w12)
    error = np.sum((test_labels - out) ** 2) / len(test_images)
    accuracy = np.mean(np.argmax(out, 1) == np.argmax(test_labels, 1))
    return float(error), float(accuracy)


@needs_offline
def test_aux_untrained_evaluation_lesson8(monkeypatch):
    monkeypatch.setenv(mnist.ENV_VAR, str(OFFLINE))
    t = catalogue.trace("L8.aux.untrained-test-eval")
    relu = lambda x: (x >= 0) * x  # noqa: E731 - the course's own definition
    got = list(_untrained_eval(40, 0.2, relu)) + list(_untrained_eval(100, 0.2, relu))
    assert np.allclose(got, t.value, atol=t.tolerance["abs"], rtol=0)


@needs_offline
def test_aux_untrained_accuracy_lesson9(monkeypatch):
    monkeypatch.setenv(mnist.ENV_VAR, str(OFFLINE))
    t = catalogue.trace("L9.aux.untrained-test-acc")
    assert _untrained_eval(100, 0.02, np.tanh)[1] == t.value


@needs_offline
def test_grading_sample_comes_from_the_offline_folder(monkeypatch):
    monkeypatch.setenv(mnist.ENV_VAR, str(OFFLINE))
    sample = mnist.grading_sample(40, 40)
    assert sample.kind == "mnist"
    assert sample.images.shape == (40, 784) and sample.test_labels.shape == (40, 10)
    assert 0 <= sample.images.min() and sample.images.max() <= 1


def test_grading_sample_without_data_is_synthetic_and_says_so():
    sample = mnist.grading_sample(40, 40)
    assert sample.kind == "synthetic"
    assert "grade data fetch" in sample.description
    mnist.clear_memory_cache()
    again = mnist.grading_sample(40, 40)  # always the same set
    assert again is not sample and (again.images == sample.images).all()
    assert sample.images.shape == (40, 784) and sample.labels.shape == (40, 10)


def test_missing_files_give_a_clear_message(tmp_path):
    with pytest.raises(mnist.DataMissing) as info:
        mnist.load("train-images", tmp_path / "nothing-here")
    text = str(info.value)
    assert "train-images-idx3-ubyte" in text and "grade data fetch" in text and mnist.ENV_VAR in text


def test_an_offline_folder_is_found_gzipped_or_not(fake_mnist, tmp_path):
    arrays, served = fake_mnist
    folder = tmp_path / "plain"
    folder.mkdir()
    for key in mnist.keys():
        name = mnist.entry(key)["file"]
        (folder / name).write_bytes(gzip.decompress((served / (name + ".gz")).read_bytes()))
    assert (mnist.load("test-images", folder) == arrays["test-images"]).all()
    assert (mnist.load("train-labels", served) == arrays["train-labels"]).all()


def test_a_corrupt_file_in_the_cache_is_deleted_and_reported(fake_mnist):
    arrays, served = fake_mnist
    cache = mnist.cache_dir()
    cache.mkdir(parents=True)
    bad = cache / "t10k-labels-idx1-ubyte.gz"
    bad.write_bytes(gzip.compress(idx_bytes(np.zeros(20))))  # right shape, wrong contents
    with pytest.raises(mnist.DataCorrupt) as info:
        mnist.load("test-labels")
    assert "deleted" in str(info.value) and "grade data fetch" in str(info.value)
    assert not bad.exists()


def test_a_corrupt_file_in_the_users_folder_is_reported_not_used(fake_mnist, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "t10k-labels-idx1-ubyte").write_bytes(idx_bytes(np.zeros(20)))
    with pytest.raises(mnist.DataCorrupt, match="SHA-256"):
        mnist.load("test-labels", folder)
    assert (folder / "t10k-labels-idx1-ubyte").exists()


# ----------------------------------------------------------------------------- downloads


def test_fetch_downloads_and_verifies(fake_mnist):
    arrays, served = fake_mnist
    with Server(served) as server:
        paths = mnist.fetch(mirrors=[server.url], progress=False, echo=lambda *a: None)
    assert set(paths) == set(mnist.keys())
    for key, array in arrays.items():
        assert paths[key].parent == mnist.cache_dir()
        assert (mnist.load(key) == array).all()
    assert leftovers(mnist.cache_dir()) == []


def test_fetch_keeps_files_already_there(fake_mnist):
    arrays, served = fake_mnist
    with Server(served) as server:
        mnist.fetch(mirrors=[server.url], progress=False, echo=lambda *a: None)
        said = []
        mnist.fetch(mirrors=[dead_url()], progress=False, echo=said.append)
    assert all("already there" in line for line in said)


def test_checksum_mismatch_is_deleted_and_the_next_mirror_tried(fake_mnist):
    arrays, served = fake_mnist
    said = []
    with Server(served, corrupt={"t10k-labels-idx1-ubyte.gz"}) as bad, Server(served) as good:
        paths = mnist.fetch(["test-labels"], mirrors=[bad.url, good.url], progress=False, echo=said.append)
    assert (mnist.load("test-labels") == arrays["test-labels"]).all()
    assert paths["test-labels"].name == "t10k-labels-idx1-ubyte.gz"
    assert any("does not match its checksum" in line for line in said)
    assert leftovers(mnist.cache_dir()) == []


def test_checksum_mismatch_everywhere_is_a_clear_error(fake_mnist):
    arrays, served = fake_mnist
    with Server(served, corrupt={"t10k-labels-idx1-ubyte.gz"}) as bad:
        with pytest.raises(mnist.DataMissing) as info:
            mnist.fetch(["test-labels"], mirrors=[bad.url], progress=False, echo=lambda *a: None)
    assert "checksum" in str(info.value) and bad.url in str(info.value)
    assert list(mnist.cache_dir().glob("*")) == []


def test_interrupted_transfer_is_not_kept(fake_mnist):
    arrays, served = fake_mnist
    with Server(served, truncate={"t10k-images-idx3-ubyte.gz"}) as cut:
        with pytest.raises(mnist.DataMissing) as info:
            mnist.fetch(["test-images"], mirrors=[cut.url], progress=False, echo=lambda *a: None)
    assert cut.url in str(info.value)
    assert list(mnist.cache_dir().glob("*")) == []


def test_truncated_archive_with_a_short_length_is_caught_by_the_checksum(fake_mnist, tmp_path):
    arrays, served = fake_mnist
    short = tmp_path / "short"
    short.mkdir()
    name = "t10k-images-idx3-ubyte.gz"
    (short / name).write_bytes((served / name).read_bytes()[:-100])  # a clean, shorter response
    with Server(short) as cut, Server(served) as good:
        said = []
        mnist.fetch(["test-images"], mirrors=[cut.url, good.url], progress=False, echo=said.append)
    assert any("checksum" in line for line in said)
    assert (mnist.load("test-images") == arrays["test-images"]).all()


def test_mirror_fallback_when_a_mirror_is_down_or_lacks_the_file(fake_mnist, tmp_path):
    arrays, served = fake_mnist
    empty = tmp_path / "empty"
    empty.mkdir()
    said = []
    with Server(empty) as lacking, Server(served) as good:
        mnist.fetch(mirrors=[dead_url(), lacking.url, good.url], progress=False, echo=said.append)
    assert (mnist.load("train-images") == arrays["train-images"]).all()
    assert any("404" in line or "Not Found" in line for line in said)


def test_progress_bar_does_not_break_a_download(fake_mnist, capsys):
    arrays, served = fake_mnist
    with Server(served) as server:
        mnist.fetch(["test-images"], mirrors=[server.url], progress=True, echo=lambda *a: None)
    assert (mnist.load("test-images") == arrays["test-images"]).all()


def test_grade_data_fetch_and_where(fake_mnist, tmp_path):
    from autograder.cli import main

    arrays, served = fake_mnist
    target = tmp_path / "into"
    runner = CliRunner()
    with Server(served) as server:
        result = runner.invoke(main, ["data", "fetch", "--mirror", server.url, "--to", str(target), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.glob("*.gz")) == sorted(mnist.entry(k)["file"] + ".gz" for k in mnist.keys())
    where = runner.invoke(main, ["data", "where", "--data-dir", str(target)])
    assert where.exit_code == 0 and where.output.count(" ok ") == 4


def test_grade_data_fetch_failure_is_a_message_not_a_traceback(fake_mnist, tmp_path):
    from autograder.cli import main

    result = CliRunner().invoke(main, ["data", "fetch", "--mirror", dead_url(), "--to", str(tmp_path / "x"), "-q"])
    assert result.exit_code == 1
    assert "could not download" in result.output and "Traceback" not in result.output


def test_replay_without_data_says_what_to_download(tmp_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    env.pop(mnist.ENV_VAR, None)
    done = subprocess.run([sys.executable, "-m", "autograder", "lesson8", "--replay", "--submission",
                           str(ROOT / "solutions" / "lesson8.py"), "--data-dir", str(tmp_path / "none")],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 2
    assert "grade data fetch" in done.stdout and "Traceback" not in done.stdout + done.stderr
