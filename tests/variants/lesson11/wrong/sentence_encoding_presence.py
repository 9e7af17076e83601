# exercise: sentence_encoding
# check: sentence_encoding_repeated_word
# message: adds its vector twice
# misconception: lesson11.sentence_encoding.sentence_encoding_set_of_words
# A 0/1 "is the word there" vector, as if the encoding were one-hot too.
def sentence_encoding(sentence, word2hot):
    x = np.zeros(len(word2hot[sentence[0]]))
    for word in sentence:
        x = np.maximum(x, word2hot[word])
    return x
