# exercise: sentence_encoding
# misconception: lesson11.sentence_encoding.sentence_encoding_list_concatenation
# `+` on Python lists joins them end to end.
def sentence_encoding(sentence, word2hot):
    x = word2hot[sentence[0]]
    for word in sentence[1:]:
        x = x + word2hot[word]
    return x
