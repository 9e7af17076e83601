# exercise: write_book
# check: write_book_one_word
# misconception: rnn.write_book.write_book_skips_first
def write_book(first_word, weights, vocabulary, length):
    story, word = [], first_word
    while len(story) < length:
        word = next_word(word, weights, vocabulary)
        story.append(word)
    return story
