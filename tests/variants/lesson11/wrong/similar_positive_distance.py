# exercise: similar
# check: similar_corpus
# misconception: lesson11.similar.similar_positive_distance
# message: the score is the distance itself, not minus it
def similar(word, word2index, weights):
    target = weights[word2index[word]]
    scores = [(other, float(np.linalg.norm(weights[i] - target))) for other, i in word2index.items()]
    return sorted(scores, key=lambda pair: pair[1])[:10]
