# exercise: dropout_mask
# message: keep-probability
def dropout_mask(shape, rng):
    return (rng.random(shape) < 0.3).astype(int)
