# exercise: sentence_encoding
# message: adds its vector twice
def sentence_encoding(sentence, word2hot):
    words = sorted(set(sentence))
    x = np.zeros(len(word2hot[words[0]]))
    for word in words:
        x = x + np.asarray(word2hot[word])
    return x
