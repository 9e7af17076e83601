# exercise: dropout_mask
# check: dropout_mask_keeps_half
# message: keep-probability
def dropout_mask(shape, rng):
    return (rng.random(shape) < 0.3).astype(int)
