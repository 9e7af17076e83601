# exercise: next_word
# check: next_word_sentence
# misconception: rnn.next_word.next_word_row
# message: from the word's row
import numpy as np


def next_word(word, weights, vocabulary):
    return vocabulary[int(np.argmax(weights[vocabulary.index(word)]))]
