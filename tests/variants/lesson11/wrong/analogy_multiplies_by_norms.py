# exercise: analogy
# misconception: lesson11.analogy.analogy_multiplies_by_norms
# The book notebook's normed_weights = weights * norms (multiplies by the squared length).
def analogy(positive, negative, word2index, weights):
    from collections import Counter
    import math
    norms = np.sum(weights * weights, axis=1, keepdims=True)
    normed = weights * norms
    query = np.zeros(weights.shape[1])
    for word in positive:
        query += normed[word2index[word]]
    for word in negative:
        query -= normed[word2index[word]]
    scores = Counter()
    for other, index in word2index.items():
        if other not in positive and other not in negative:
            scores[other] = -math.sqrt(np.sum((normed[index] - query) ** 2))
    return scores.most_common(10)
