# exercise: dropout_mask
# check: dropout_mask_shape_and_values
# misconception: lesson8.dropout_mask.dropout_mask_doubled
# message: every entry must be 0 or 1
def dropout_mask(shape, rng):
    mask = rng.integers(2, size=shape)
    return mask * 2  # the course's dropout_mask * 2
