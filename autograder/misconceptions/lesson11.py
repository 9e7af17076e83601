"""Classic slips of lesson 11 (embeddings), as the grader recognises them."""

import math
from collections import Counter

import numpy as np


# The reference sum of the words' vectors, with the words, the start x and the step add(x, vector) as parameters.
def _encode(words, x, word2hot, add=lambda x, vector: x + np.asarray(vector)):
    for word in words:
        x = add(x, word2hot[word])
    return x


def sentence_encoding_list_concatenation(sentence, word2hot):
    return _encode(sentence[1:], word2hot[sentence[0]], word2hot, lambda x, vector: x + vector)

def sentence_encoding_set_of_words(sentence, word2hot):
    return _encode(set(sentence), np.zeros(len(word2hot[sentence[0]])), word2hot)

def sentence_encoding_sorted_positions(sentence, word2hot):
    vocab = sorted(word2hot)
    x = np.zeros(len(vocab))
    for word in sentence:
        x[vocab.index(word)] += 1
    return x

def sentence_encoding_last_word_only(sentence, word2hot):
    return _encode(sentence, np.zeros(len(word2hot[sentence[0]])), word2hot, lambda x, vector: np.asarray(vector))


# The reference distance between two embeddings.
def _distance(row, target):
    raw_difference = row - target
    return math.sqrt(np.sum(raw_difference * raw_difference))


# The reference ranking by minus the distance to target, with the words left out, score(row, target) and count.
def _rank(word2index, rows, target, left_out=(), score=None, count=10):
    scores = Counter()
    for other, index in word2index.items():
        if other not in left_out:
            scores[other] = -_distance(rows[index], target) if score is None else score(rows[index], target)
    return scores.most_common(count)


# The reference similar: the ranking around the word's own embedding, with the ranking's pieces as parameters.
def _similar(word, word2index, weights, **ranking):
    return _rank(word2index, weights, weights[word2index[word]], **ranking)


def similar_farthest_first(word, word2index, weights):
    return _similar(word, word2index, weights, score=_distance)

def similar_positive_distance(word, word2index, weights):
    return [(other, -score) for other, score in _similar(word, word2index, weights)]

def similar_leaves_target_out(word, word2index, weights):
    return _similar(word, word2index, weights, left_out=(word,))

def similar_squared_distance(word, word2index, weights):
    return _similar(word, word2index, weights, score=lambda row, target: -np.sum((row - target) * (row - target)))

def similar_dot_product(word, word2index, weights):
    return _similar(word, word2index, weights, score=lambda row, target: float(np.dot(row, target)))

def similar_words_only(word, word2index, weights):
    return [other for other, score in _similar(word, word2index, weights)]

def similar_every_word(word, word2index, weights):
    return _similar(word, word2index, weights, count=None)


# The reference analogy, with normalise(weights), the negative words' sign, rescale(query) and the ranking's pieces.
def _analogy(positive, negative, word2index, weights, normalise=None, sign=-1, rescale=None, **ranking):
    weights = np.asarray(weights, dtype=float)
    if normalise is None:
        normed = weights / np.sqrt(np.sum(weights * weights, axis=1, keepdims=True))
    else:
        normed = normalise(weights)
    query = np.zeros(weights.shape[1])
    for word in positive:
        query += normed[word2index[word]]
    for word in negative:
        query += sign * normed[word2index[word]]
    if rescale is not None:
        query = rescale(query)
    ranking.setdefault("left_out", [*positive, *negative])
    return _rank(word2index, normed, query, **ranking)


def analogy_not_normalised(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights, normalise=lambda weights: weights)

def analogy_multiplies_by_norms(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights,
                    normalise=lambda weights: weights * np.sum(weights * weights, axis=1, keepdims=True))

def analogy_squared_norms(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights,
                    normalise=lambda weights: weights / np.sum(weights * weights, axis=1, keepdims=True))

def analogy_keeps_query_words(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights, left_out=())

def analogy_drops_the_first(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights, left_out=())[1:]

def analogy_adds_negative(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights, sign=1)

def analogy_normalises_query(positive, negative, word2index, weights):
    return _analogy(positive, negative, word2index, weights, rescale=lambda query: query / np.linalg.norm(query))
