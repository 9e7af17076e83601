# exercise: elementwise_add
# check: elementwise_add_talk
# misconception: rnn.elementwise_add.elementwise_add_concatenates
# Python's + on lists joins them.
def elementwise_add(a, b):
    return list(a) + list(b)
