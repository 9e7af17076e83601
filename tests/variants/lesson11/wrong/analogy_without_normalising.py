# exercise: analogy
# check: analogy_corpus
# misconception: lesson11.analogy.analogy_not_normalised
# message: normalised embedding
def analogy(positive, negative, word2index, weights):
    from collections import Counter
    import math
    query = np.zeros(weights.shape[1])
    for word in positive:
        query += weights[word2index[word]]
    for word in negative:
        query -= weights[word2index[word]]
    scores = Counter()
    for other, index in word2index.items():
        if other not in positive and other not in negative:
            scores[other] = -math.sqrt(np.sum((weights[index] - query) ** 2))
    return scores.most_common(10)
