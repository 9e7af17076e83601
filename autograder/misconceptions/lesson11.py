"""Classic slips of lesson 11 (embeddings), as the grader recognises them."""

import numpy as np

from . import misconception


@misconception("sentence_encoding", "the vectors are added with + as they come: on Python lists, + joins them "
                                    "end to end instead of adding them number by number",
               "Convert each vector with np.asarray (or start from np.zeros) before adding.")
def sentence_encoding_list_concatenation(sentence, word2hot):
    x = word2hot[sentence[0]]
    for word in sentence[1:]:
        x = x + word2hot[word]
    return x


@misconception("sentence_encoding", "each word counts once, however often it appears (a set of the words, or a 0/1 "
                                    "vector of the words present)",
               "A word that appears twice adds its vector twice.")
def sentence_encoding_set_of_words(sentence, word2hot):
    words = set(sentence)
    x = np.zeros(len(word2hot[sentence[0]]))
    for word in words:
        x = x + np.asarray(word2hot[word])
    return x


@misconception("sentence_encoding", "each word's position is taken from the sorted vocabulary instead of "
                                    "looking its vector up in word2hot",
               "The one-hot positions need not follow any order: add word2hot[word] itself.")
def sentence_encoding_sorted_positions(sentence, word2hot):
    vocab = sorted(word2hot)
    x = np.zeros(len(vocab))
    for word in sentence:
        x[vocab.index(word)] += 1
    return x


@misconception("sentence_encoding", "each word's vector replaces the running total instead of being added to it "
                                    "(x = word2hot[word] for x = x + word2hot[word]), so only the last word is left")
def sentence_encoding_last_word_only(sentence, word2hot):
    x = np.zeros(len(word2hot[sentence[0]]))
    for word in sentence:
        x = np.asarray(word2hot[word])
    return x
