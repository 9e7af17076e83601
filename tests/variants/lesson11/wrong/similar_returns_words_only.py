# exercise: similar
# check: similar_corpus
# misconception: lesson11.similar.similar_words_only
# message: expected a list of (word, score) pairs
def similar(word, word2index, weights):
    target = weights[word2index[word]]
    return sorted(word2index, key=lambda w: np.linalg.norm(weights[word2index[w]] - target))[:10]
