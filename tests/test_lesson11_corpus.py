"""The lesson 11 corpus: checked by SHA-256 on load, rebuilt byte for byte by its script,
and embeddings that are the same in every process, whatever the string-hash seed."""

import hashlib
import os
import subprocess
import sys

import numpy as np
import pytest

from autograder.data import corpus
from conftest import ROOT

FOLDER = ROOT / "datasets" / "corpus"


def test_checksums_carried_by_the_kit_match_the_files_and_their_list():
    listed = dict(reversed(line.split()) for line in (FOLDER / "SHA256SUMS").read_text().splitlines())
    assert listed == corpus.SHA256
    for name, digest in corpus.SHA256.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest


def test_a_changed_file_is_refused(tmp_path):
    for name in corpus.FILES:
        (tmp_path / name).write_bytes((FOLDER / name).read_bytes())
    assert corpus.read_verified("labels.txt", tmp_path).startswith(("positive", "negative"))
    with open(tmp_path / "reviews.txt", "a") as f:
        f.write("one more review\n")
    with pytest.raises(corpus.CorpusError, match="SHA-256"):
        corpus.read_verified("reviews.txt", tmp_path)


def test_the_script_writes_the_same_bytes(tmp_path):
    script = (FOLDER / "make_corpus.py").read_text()
    (tmp_path / "make_corpus.py").write_text(script)
    subprocess.run([sys.executable, str(tmp_path / "make_corpus.py")], check=True, capture_output=True)
    for name in (*corpus.FILES, "SHA256SUMS"):
        assert (tmp_path / name).read_bytes() == (FOLDER / name).read_bytes(), name


def test_corpus_shape_and_sorted_vocabulary():
    reviews, labels = corpus.load()
    assert len(reviews) == len(labels) == 400 and set(labels) == {0, 1}
    vocab = corpus.vocabulary()
    assert list(vocab) == sorted(vocab) and len(set(vocab)) == len(vocab)
    assert corpus.embeddings().shape == (len(vocab), corpus.HIDDEN_SIZE)


def test_embeddings_do_not_depend_on_the_hash_seed():
    code = "from autograder import corpus; import sys; sys.stdout.write(corpus.embeddings().tobytes().hex())"
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                   check=True).stdout)
    assert len(outputs) == 1
    assert outputs.pop() == corpus.embeddings().tobytes().hex()


def test_the_embeddings_learned_something():
    """Words the reviews use alike end up near each other (what similar() shows)."""
    weights, index = corpus.embeddings(), corpus.word2index()
    good = weights[index["good"]]
    distance = {w: np.linalg.norm(weights[i] - good) for w, i in index.items()}
    assert distance["great"] < distance["terrible"]
