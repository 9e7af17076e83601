# exercise: similar
# check: similar_corpus
# message: Rank by the score
def similar(word, word2index, weights):
    from collections import Counter
    import math
    target = weights[word2index[word]]
    scores = Counter()
    for other, i in word2index.items():
        scores[other] = float(np.dot(weights[i], target))
    best = scores.most_common(10)
    return [(w, -math.sqrt(np.sum((weights[word2index[w]] - target) ** 2))) for w, _ in best]
