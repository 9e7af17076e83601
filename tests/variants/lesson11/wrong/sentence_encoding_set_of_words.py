# exercise: sentence_encoding
# check: sentence_encoding_repeated_word
# message: adds its vector twice
# misconception: lesson11.sentence_encoding.sentence_encoding_set_of_words
def sentence_encoding(sentence, word2hot):
    words = sorted(set(sentence))
    x = np.zeros(len(word2hot[words[0]]))
    for word in words:
        x = x + np.asarray(word2hot[word])
    return x
