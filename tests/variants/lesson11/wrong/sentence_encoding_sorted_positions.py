# exercise: sentence_encoding
# Assumes word i of the sorted vocabulary is position i, instead of looking the vector up.
def sentence_encoding(sentence, word2hot):
    vocab = sorted(word2hot)
    x = np.zeros(len(vocab))
    for word in sentence:
        x[vocab.index(word)] += 1
    return x
