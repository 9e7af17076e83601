# exercise: dropout_mask
# message: every entry must be 0 or 1
def dropout_mask(shape, rng):
    return rng.random(shape)
