# exercise: next_word
# check: next_word_tie
# misconception: rnn.next_word.next_word_last_of_ties
# message: the last of the tied words wins
def next_word(word, weights, vocabulary):
    votes = predict_dinner(one_hot(vocabulary.index(word), len(vocabulary)), weights)
    best = max(range(len(votes)), key=lambda i: (votes[i], i))
    return vocabulary[best]
