"""Grader of lesson 11 — embeddings.

The course's IMDB reviews are not available offline, so ``similar`` and ``analogy`` are
checked on the kit's review corpus (``autograder.data.corpus``: embeddings trained by the
course's network, in this process, from fixed initial weights) and on random embeddings.
Every vocabulary is in sorted order and ``word2index`` is passed in, so no answer depends
on Python's string-hash seed. Rankings are compared by their scores: words whose scores
tie may come in any order.

FIXED_CASES below lists the fixed cases that pin down the contract, exercise by exercise,
and the slip each is there to catch; the wrong variants named (tests/variants/lesson11/wrong/)
fail it, which the kit's tests check.
"""

import numpy as np
import pytest

from autograder.data import corpus
from autograder.grading import StudentProblem, check
from autograder.grading.compare import fmt, fmt_number
from autograder.grading.data import as_kind

# check -> the slip it catches (variants proving it). Randomized checks listed here draw their
# values only: their shapes are fixed by their case lists.
FIXED_CASES = {
    "sentence_encoding_trace": "each word put at its sorted position (sentence_encoding_sorted_positions)",
    "sentence_encoding_repeated_word": "a repeated word counted once (a 0/1 presence, a set of words) "
                                       "(sentence_encoding_presence, sentence_encoding_set_of_words)",
    "similar_corpus": "ranked by the dot product; the distance's sign; words without their scores "
                      "(similar_dot_product, similar_positive_distance, similar_returns_words_only)",
    "analogy_corpus": "the query words kept among the answers; embeddings not normalised "
                      "(analogy_keeps_query_words, analogy_without_normalising)",
}

RANDOM_CASES = range(3)
SCORE_TOL = {"abs": 1e-9, "rel": 1e-7}
CORPUS = "catalogue: the kit's review corpus"


def random_vocabulary(rng, size):
    """``size`` words of the corpus, as a sorted ``word2index``."""
    words = sorted(rng.choice(corpus.vocabulary(), size, replace=False).tolist())
    return {w: i for i, w in enumerate(words)}


def _close(a, b):
    return abs(a - b) <= SCORE_TOL["abs"] + SCORE_TOL["rel"] * abs(b)


def _all_scores_similar(word, word2index, weights):
    target = weights[word2index[word]]
    return {w: -float(np.linalg.norm(weights[i] - target)) for w, i in word2index.items()}


def _all_scores_analogy(positive, negative, word2index, weights):
    normed = weights / np.linalg.norm(weights, axis=1, keepdims=True)
    query = sum(normed[word2index[w]] for w in positive) - sum(normed[word2index[w]] for w in negative)
    return {w: -float(np.linalg.norm(normed[i] - query)) for w, i in word2index.items()
            if w not in positive and w not in negative}


def expect_ranking(expect, got, expected, scores, *, query_words=(), what, score_rule):
    """Check a ranking of ``(word, score)`` pairs against the reference's ``expected``.

    ``scores`` holds every candidate word's true score, so that words with tied scores
    may come in any order and each mistake can be named.
    """
    record = expect._record  # the report's cells show the words, not only numbers
    record.expected, record.got = fmt(expected), fmt(got)
    example = "[%s, …]" % ", ".join("(%r, %s)" % (w, fmt_number(s, 4)) for w, s in expected[:2])
    shape_ok = isinstance(got, (list, tuple)) and all(
        isinstance(p, (list, tuple)) and len(p) == 2 and isinstance(p[0], str)
        and isinstance(p[1], (int, float)) and not isinstance(p[1], bool) for p in got)
    if got is None:
        expect.true(False, "%s returned None: is a `return` statement missing?" % what)
    expect.true(shape_ok, "%s returned %s, expected a list of (word, score) pairs, such as %s "
                          "(what Counter.most_common gives)." % (what, fmt(got, 80), example))
    expect.true(len(got) == len(expected),
                "%s returned %d pairs, expected %d: the ten best, or every candidate word when there "
                "are fewer than ten." % (what, len(got), len(expected)))
    seen = set()
    for place, ((word, score), (want_word, want_score)) in enumerate(zip(got, expected), 1):
        expect.true(word not in query_words,
                    "%s ranked %r, one of the query words: leave the words of positive and negative "
                    "out of the ranking." % (what, word))
        expect.true(word in scores, "%s ranked %r, which is not a word of word2index." % (what, word))
        expect.true(word not in seen, "%s ranked %r twice." % (what, word))
        seen.add(word)
        true_score = scores[word]
        if not _close(float(score), true_score):
            sign = (" The score is minus the distance: the nearest word has the highest score."
                    if _close(-float(score), true_score) and true_score != 0 else "")
            expect.true(False, "%s gave %r the score %s, expected %s (%s).%s" % (
                what, word, fmt_number(score), fmt_number(true_score), score_rule, sign), slip=sign.strip())
        if not _close(true_score, want_score):
            expect.true(False, "%s put %r in place %d, but place %d belongs to %r (score %s; %r scores %s). "
                               "Rank by the score, highest first." % (
                                   what, word, place, place, want_word, fmt_number(want_score, 6), word,
                                   fmt_number(true_score, 6)))


# ------------------------------------------------------------------ sentence_encoding


@pytest.mark.parametrize("kind", ["list", "array"])
@check("sentence_encoding", trace="L11.onehot.sent-encoding")
def test_sentence_encoding_trace(student, expect, trace, kind):
    t = trace("L11.onehot.sent-encoding")
    word2hot = {w: as_kind(v, kind) for w, v in t.inputs["onehots"].items()}
    if kind == "list":
        word2hot = {w: [int(x) for x in v] for w, v in word2hot.items()}
    expect.close(student.sentence_encoding(list(t.inputs["sentence"]), word2hot), t.value, tol=t.tolerance)


@pytest.mark.parametrize("kind", ["list", "array"])
@check("sentence_encoding", rule="a word that appears twice adds its vector twice")
def test_sentence_encoding_repeated_word(student, expect, kind):
    word2hot = {"good": [0, 1, 0], "movie": [1, 0, 0], "bad": [0, 0, 1]}
    if kind == "array":
        word2hot = {w: np.array(v) for w, v in word2hot.items()}
    expect.close(student.sentence_encoding(["good", "movie", "good"], word2hot), [1, 2, 0],
                 what="sentence_encoding(['good', 'movie', 'good'], {'good': [0, 1, 0], 'movie': [1, 0, 0], "
                      "'bad': [0, 0, 1]})",
                 slips=[([1, 1, 0], "That counts 'good' once: a word that appears twice adds its vector twice "
                                    "(no set, no 0/1 presence).")])


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("sentence_encoding", randomized=True)
def test_sentence_encoding_random(student, expect, ref, rng, case):
    size = [6, 9, 4][case]
    words = sorted(rng.choice(corpus.vocabulary(), size, replace=False).tolist())
    order = rng.permutation(size)  # the one-hot positions are not the words' sorted order
    word2hot = {w: np.eye(size, dtype=int)[order[i]] for i, w in enumerate(words)}
    sentence = rng.choice(words, [5, 1, 8][case]).tolist()
    if case != 1:
        sentence.append(sentence[0])  # a repeated word counts twice
    if case % 2 == 0:
        word2hot = {w: v.tolist() for w, v in word2hot.items()}
    want = ref.sentence_encoding(sentence, word2hot)
    once = ref.sentence_encoding(sorted(set(sentence)), word2hot)
    try:
        got = student.sentence_encoding(list(sentence), word2hot)
    except StudentProblem as problem:
        problem.explain("Here the vocabulary has %d words and the sentence %d." % (size, len(sentence)))
        raise
    by_position = np.bincount([words.index(w) for w in sentence], minlength=size)
    expect.close(got, want, slips=[
        (once, "That counts %r once: a word that appears twice adds its vector twice (do not use a set)."
         % sentence[0]),
        (by_position, "That puts each word at its place in the sorted vocabulary; the one-hot vectors here "
                      "are in another order: add word2hot[word] itself.")])


# ------------------------------------------------------------------ similar


@pytest.mark.parametrize("word", ["good", "terrible", "film"])
@check("similar", rule="nearest words in the kit's review corpus")
def test_similar_corpus(student, expect, ref, word):
    word2index, weights = corpus.word2index(), corpus.embeddings()
    got = student.similar(word, word2index, weights)
    expect_ranking(expect, got, ref.similar(word, word2index, weights),
                   _all_scores_similar(word, word2index, weights),
                   what="similar(%r, word2index, weights) on the kit's corpus" % word,
                   score_rule="minus the Euclidean distance between the two embeddings")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("similar", randomized=True)
def test_similar_random(student, expect, ref, rng, case):
    size, dim = [(14, 4), (6, 3), (25, 7)][case]
    word2index = random_vocabulary(rng, size)
    weights = rng.normal(0, 1, (size, dim))
    word = sorted(word2index)[int(rng.integers(size))]
    try:
        got = student.similar(word, word2index, weights)
    except StudentProblem as problem:
        problem.explain("Here the vocabulary has %d words and embeddings of %d numbers." % (size, dim))
        raise
    expect_ranking(expect, got, ref.similar(word, word2index, weights),
                   _all_scores_similar(word, word2index, weights),
                   what="similar(%r, ...) with %d random embeddings" % (word, size),
                   score_rule="minus the Euclidean distance between the two embeddings")


# ------------------------------------------------------------------ analogy


@pytest.mark.parametrize("query", [(["terrible", "good"], ["bad"]), (["king", "woman"], ["man"])],
                         ids=["terrible-good-bad", "king-woman-man"])
@check("analogy", rule="analogies in the kit's review corpus")
def test_analogy_corpus(student, expect, ref, query):
    positive, negative = query
    word2index, weights = corpus.word2index(), corpus.embeddings()
    got = student.analogy(list(positive), list(negative), word2index, weights)
    expect_ranking(expect, got, ref.analogy(positive, negative, word2index, weights),
                   _all_scores_analogy(positive, negative, word2index, weights),
                   query_words=set(positive) | set(negative),
                   what="analogy(%r, %r, word2index, weights) on the kit's corpus" % (positive, negative),
                   score_rule="minus the distance between its normalised embedding and the query")


@pytest.mark.parametrize("case", RANDOM_CASES)
@check("analogy", randomized=True)
def test_analogy_random(student, expect, ref, rng, case):
    size, dim, n_pos, n_neg = [(16, 5, 2, 1), (7, 3, 1, 1), (30, 6, 2, 2)][case]
    word2index = random_vocabulary(rng, size)
    weights = rng.normal(0, 1, (size, dim)) * rng.uniform(0.2, 5, (size, 1))  # rows of many lengths
    chosen = rng.choice(sorted(word2index), n_pos + n_neg, replace=False).tolist()
    positive, negative = chosen[:n_pos], chosen[n_pos:]
    try:
        got = student.analogy(positive, negative, word2index, weights)
    except StudentProblem as problem:
        problem.explain("Here the vocabulary has %d words, embeddings of %d numbers, %d positive and %d "
                        "negative words." % (size, dim, n_pos, n_neg))
        raise
    expect_ranking(expect, got, ref.analogy(positive, negative, word2index, weights),
                   _all_scores_analogy(positive, negative, word2index, weights),
                   query_words=set(positive) | set(negative),
                   what="analogy(%r, %r, ...) with %d random embeddings" % (positive, negative, size),
                   score_rule="minus the distance between its normalised embedding and the query")
