# exercise: sentence_encoding
# check: sentence_encoding_trace
# misconception: lesson11.sentence_encoding.sentence_encoding_sorted_positions
# Assumes word i of the sorted vocabulary is position i, instead of looking the vector up.
def sentence_encoding(sentence, word2hot):
    vocab = sorted(word2hot)
    x = np.zeros(len(vocab))
    for word in sentence:
        x[vocab.index(word)] += 1
    return x
