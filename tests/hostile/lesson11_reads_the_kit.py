# lesson: lesson11
# exercise: similar
# similar tries to import the kit's reference solution and grader to answer with them:
# imports of the kit are refused in a learner's process, so similar fails on its own.
def similar(word, word2index, weights):
    from autograder import reference

    return reference.load("lesson11").similar(word, word2index, weights)
