# exercise: dropout_mask
# check: dropout_mask_shape_and_values
# misconception: lesson8.dropout_mask.dropout_mask_fractions
# message: every entry must be 0 or 1
def dropout_mask(shape, rng):
    return rng.random(shape)
