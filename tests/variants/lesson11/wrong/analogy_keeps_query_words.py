# exercise: analogy
# check: analogy_corpus
# misconception: lesson11.analogy.analogy_keeps_query_words
# message: one of the query words
def analogy(positive, negative, word2index, weights):
    from collections import Counter
    import math
    normed = weights / np.linalg.norm(weights, axis=1, keepdims=True)
    query = sum(normed[word2index[w]] for w in positive) - sum(normed[word2index[w]] for w in negative)
    scores = Counter()
    for other, index in word2index.items():
        scores[other] = -math.sqrt(np.sum((normed[index] - query) ** 2))
    return scores.most_common(10)
