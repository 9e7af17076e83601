# exercise: similar
# The course's list(set(...)) vocabulary: its order changes with the string-hash seed.
def similar(word, word2index, weights):
    from collections import Counter
    import math
    vocab = list(set(word2index))
    word2index = {w: i for i, w in enumerate(vocab)}
    target = weights[word2index[word]]
    scores = Counter()
    for other, index in word2index.items():
        scores[other] = -math.sqrt(np.sum((weights[index] - target) ** 2))
    return scores.most_common(10)
