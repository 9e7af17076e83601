# Plain Python loops, other parameter names, tuples of tuples, sorted() instead of Counter.
import math as _math


def sentence_encoding(words, lookup):
    total = [0] * len(lookup[words[0]])
    for w in words:
        vec = lookup[w]
        for i in range(len(total)):
            total[i] += vec[i]
    return total


def _distance(a, b):
    return _math.sqrt(sum((float(x) - float(y)) ** 2 for x, y in zip(a, b)))


def similar(target, index_of, embedding):
    row = embedding[index_of[target]]
    pairs = [(w, -_distance(embedding[i], row)) for w, i in index_of.items()]
    return tuple(sorted(pairs, key=lambda p: -p[1])[:10])


def analogy(plus, minus, index_of, embedding):
    def unit(v):
        length = _math.sqrt(sum(float(x) ** 2 for x in v))
        return [float(x) / length for x in v]

    query = [0.0] * len(embedding[0])
    for w in plus:
        query = [q + u for q, u in zip(query, unit(embedding[index_of[w]]))]
    for w in minus:
        query = [q - u for q, u in zip(query, unit(embedding[index_of[w]]))]
    pairs = [(w, -_distance(unit(embedding[i]), query)) for w, i in index_of.items() if w not in plus + minus]
    pairs.sort(key=lambda p: p[1], reverse=True)
    return pairs[:10]
