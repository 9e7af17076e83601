# exercise: next_word
# misconception: rnn.next_word.next_word_index
# message: Return the word itself
import numpy as np


def next_word(word, weights, vocabulary):
    return int(np.argmax(weights @ one_hot(vocabulary.index(word), len(vocabulary))))
