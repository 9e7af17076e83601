# exercise: sentence_encoding
# misconception: lesson11.sentence_encoding.sentence_encoding_last_word_only
# `=` typed for `+=`: every word overwrites the total.
def sentence_encoding(sentence, word2hot):
    total = np.zeros(np.shape(word2hot[sentence[0]]), dtype=int)
    for word in sentence:
        total = np.array(word2hot[word])
    return total
