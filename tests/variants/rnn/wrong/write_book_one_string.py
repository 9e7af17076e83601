# exercise: write_book
# The story as one string instead of a list of words.
def write_book(first_word, weights, vocabulary, length):
    story = [first_word]
    while len(story) < length:
        story.append(next_word(story[-1], weights, vocabulary))
    return " ".join(story)
