# exercise: dropout_mask
# misconception: lesson8.dropout_mask.dropout_mask_high_one
def dropout_mask(shape, rng):
    return rng.integers(1, size=shape)  # "from 0 to 1": but the high end is excluded
