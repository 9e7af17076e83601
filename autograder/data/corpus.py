"""The kit's small review corpus and the word embeddings lesson 11 is graded with.

The course learns its embeddings on 25,000 IMDB reviews, which the kit does not ship. It
ships ``datasets/corpus/`` instead (400 short reviews written for the kit, CC0): this
module loads it, refuses files whose SHA-256 differs from the one carried here, builds
the vocabulary in sorted order and trains the course's embedding network on it.

The course builds its vocabulary with ``list(set(...))``, whose order changes from one
Python process to the next (string hashing is randomised), so which embedding row each
word gets, and every number after it, would change from run to run. Here the order is
sorted, and graders pass ``word2index`` to the learner's functions themselves.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import numpy as np

PACKAGE = Path(__file__).resolve().parents[1]  # the autograder package
FILES = ("reviews.txt", "labels.txt")
SHA256 = {
    "reviews.txt": "2f291a9ce89656d5f84e651ad33a2608bd95b03f092b5bf33eb62799b375ed73",
    "labels.txt": "e71a09a4b849c132ca8dbd3544db27054707c36231dbb3b7e730e6a84e970955",
}

# The course's embedding network (lesson 11), sized for a small corpus.
HIDDEN_SIZE = 16
ALPHA = 0.05
ITERATIONS = 10
SEED = 1


class CorpusError(RuntimeError):
    """The corpus is missing or differs from the one the kit was made with."""


def corpus_dir() -> Path:
    """``datasets/corpus`` of a checkout, or the copy inside an installed kit."""
    candidates = [PACKAGE.parent / "datasets" / "corpus", PACKAGE / "_corpus"]
    for path in candidates:
        if all((path / name).is_file() for name in FILES):
            return path
    raise CorpusError("the review corpus of lesson 11 is not installed (looked in %s)"
                      % ", ".join(map(str, candidates)))


def read_verified(name: str, folder: Path | None = None) -> str:
    """The text of one corpus file, after checking its SHA-256."""
    path = (folder or corpus_dir()) / name
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256[name]:
        raise CorpusError("%s has SHA-256 %s, expected %s: the file was changed or damaged "
                          "(datasets/corpus/make_corpus.py writes it again)." % (path, digest, SHA256[name]))
    return data.decode("utf-8")


@functools.cache
def load() -> tuple:
    """``(reviews, labels)``: each review a tuple of words, each label 1 (positive) or 0."""
    folder = corpus_dir()
    reviews = tuple(tuple(line.split()) for line in read_verified("reviews.txt", folder).splitlines())
    labels = tuple(1 if line.strip() == "positive" else 0 for line in read_verified("labels.txt", folder).splitlines())
    if len(reviews) != len(labels):
        raise CorpusError("reviews.txt and labels.txt have different numbers of lines")
    return reviews, labels


@functools.cache
def vocabulary() -> tuple:
    """Every word of the corpus, sorted (never in ``set()`` order)."""
    reviews, _ = load()
    return tuple(sorted({word for review in reviews for word in review}))


def word2index() -> dict:
    return {word: i for i, word in enumerate(vocabulary())}


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


@functools.cache
def _trained(hidden_size, alpha, iterations, seed):
    reviews, labels = load()
    index = word2index()
    rs = np.random.RandomState(seed)  # never the global np.random state
    weights_0_1 = 0.2 * rs.random_sample((len(index), hidden_size)) - 0.1
    weights_1_2 = 0.2 * rs.random_sample((hidden_size, 1)) - 0.1
    dataset = [sorted({index[w] for w in review}) for review in reviews]
    for _ in range(iterations):
        for x, y in zip(dataset, labels):
            layer_1 = _sigmoid(np.sum(weights_0_1[x], axis=0))
            layer_2 = _sigmoid(np.dot(layer_1, weights_1_2))
            layer_2_delta = layer_2 - y
            layer_1_delta = layer_2_delta.dot(weights_1_2.T)
            weights_0_1[x] -= layer_1_delta * alpha
            weights_1_2 -= np.outer(layer_1, layer_2_delta) * alpha
    weights_0_1.setflags(write=False)
    return weights_0_1


def embeddings(hidden_size=HIDDEN_SIZE, alpha=ALPHA, iterations=ITERATIONS, seed=SEED) -> np.ndarray:
    """``weights_0_1`` of the course's review network trained on the corpus: one row per
    word of :func:`vocabulary`. The same numbers in every process (a copy each call)."""
    return np.array(_trained(hidden_size, alpha, iterations, seed))
