# exercise: dropout
# message: without the * 2
def dropout(layer, mask):
    return layer * mask
