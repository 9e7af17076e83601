# exercise: similar
# misconception: lesson11.similar.similar_leaves_target_out
def similar(word, word2index, weights):
    from collections import Counter
    import math
    target = weights[word2index[word]]
    scores = Counter()
    for other, index in word2index.items():
        if other != word:
            scores[other] = -math.sqrt(np.sum((weights[index] - target) ** 2))
    return scores.most_common(10)
