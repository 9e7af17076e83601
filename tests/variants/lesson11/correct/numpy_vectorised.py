# NumPy all the way: norms of every row at once, a stable argsort, lists of [word, score].
def sentence_encoding(sentence, word2hot):
    return np.sum([np.asarray(word2hot[w], dtype=float) for w in sentence], axis=0)


def _rank(words, distances, n=10):
    order = np.argsort(distances, kind="stable")[:n]
    return [[words[i], -float(distances[i])] for i in order]


def similar(word, word2index, weights):
    words = list(word2index)
    rows = np.array([word2index[w] for w in words])
    distances = np.linalg.norm(weights[rows] - weights[word2index[word]], axis=1)
    return _rank(words, distances)


def analogy(positive, negative, word2index, weights):
    unit = weights / np.linalg.norm(weights, axis=1)[:, None]
    query = unit[[word2index[w] for w in positive]].sum(axis=0) - unit[[word2index[w] for w in negative]].sum(axis=0)
    words = [w for w in word2index if w not in positive and w not in negative]
    distances = np.linalg.norm(unit[[word2index[w] for w in words]] - query, axis=1)
    return _rank(words, distances)
