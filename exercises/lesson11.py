"""Lesson 11 — neural networks that understand language: embeddings.

A sentence becomes a vector by adding up one vector per word; a network trained on
such vectors learns one row of weights per word (its embedding), and words the network
uses alike end up near each other. Write each function below, then check your work with
`grade lesson11` (`grade lesson11 --hint` shows a hint for each exercise that fails).

The course learns its embeddings on 25,000 IMDB reviews; the grader uses a small corpus
of reviews shipped with the kit (datasets/corpus) and random embeddings. Inputs arrive
as they do in the course: ``word2hot`` and ``word2index`` are dicts, ``weights`` is a
NumPy array with one row per word (row ``word2index[word]``).
"""

import math
from collections import Counter

import numpy as np


def sentence_encoding(sentence, word2hot):
    """The bag-of-words vector of ``sentence`` (a list of words): the sum of
    ``word2hot[word]`` over its words.

    A word that appears twice adds its vector twice. The course's example, with a
    vocabulary of four words:

    >>> word2hot = {"cat": [1, 0, 0, 0], "the": [0, 1, 0, 0],
    ...             "dog": [0, 0, 1, 0], "sat": [0, 0, 0, 1]}
    >>> sentence_encoding(["the", "cat", "sat"], word2hot)
    array([1, 1, 0, 1])
    """
    raise NotImplementedError("write sentence_encoding")


def similar(word, word2index, weights):
    """The ten words whose embeddings are nearest to ``word``'s, as a list of
    ``(word, score)`` pairs, best first, as ``Counter.most_common(10)`` gives them.

    A word's embedding is its row ``weights[word2index[word]]``; the score of a word is
    minus the Euclidean distance between its embedding and the target's (so the target
    itself comes first, with score 0). With fewer than ten words, return them all.

    >>> word2index = {"bad": 0, "film": 1, "good": 2, "great": 3}
    >>> weights = np.array([[-1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.9, 0.1]])
    >>> [w for w, score in similar("good", word2index, weights)]
    ['good', 'great', 'film', 'bad']
    >>> [round(score, 4) for w, score in similar("good", word2index, weights)]
    [-0.0, -0.1414, -1.4142, -2.0]
    """
    raise NotImplementedError("write similar")


def analogy(positive, negative, word2index, weights):
    """Words that complete an analogy: ``king - man + woman`` should be near ``queen``.

    1. Normalise every embedding (row of ``weights``) to length 1: divide it by its
       Euclidean norm.
    2. The query is the sum of the normalised embeddings of the ``positive`` words minus
       those of the ``negative`` words (not normalised again).
    3. Score every other word (leave the words of ``positive`` and ``negative`` out) with
       minus the Euclidean distance between its normalised embedding and the query.

    Return the ten best as ``(word, score)`` pairs, best first (all of them when fewer
    words remain).

    >>> word2index = {"film": 0, "king": 1, "man": 2, "queen": 3, "woman": 4}
    >>> weights = np.array([[0.5, 0.5, 0.5], [1.0, 1.0, 0.0], [0.0, 2.0, 0.0],
    ...                     [3.0, 0.0, 3.0], [0.0, 0.0, 1.0]])
    >>> [(w, round(score, 4)) for w, score in analogy(["king", "woman"], ["man"], word2index, weights)]
    [('queen', -0.4142), ('film', -0.9761)]
    """
    raise NotImplementedError("write analogy")
