# exercise: dropout_mask
# misconception: lesson8.dropout_mask.dropout_mask_no_size
def dropout_mask(shape, rng):
    return rng.integers(2)
