# exercise: dropout
# check: dropout_zero_mask_and_full_mask
# misconception: lesson8.dropout.dropout_no_double
# message: without the * 2
def dropout(layer, mask):
    return layer * mask
