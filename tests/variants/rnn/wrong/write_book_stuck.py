# exercise: write_book
# check: write_book_sentence, write_book_talk_mistake
# misconception: rnn.write_book.write_book_stuck
# message: not of the word just written
def write_book(first_word, weights, vocabulary, length):
    story = [first_word]
    for _ in range(length - 1):
        story.append(next_word(first_word, weights, vocabulary))
    return story
