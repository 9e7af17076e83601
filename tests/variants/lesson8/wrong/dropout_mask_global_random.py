# exercise: dropout_mask
# check: dropout_mask_uses_the_generator
# message: not from np.random's global
def dropout_mask(shape, rng):
    return np.random.randint(2, size=shape)
