# exercise: dropout_mask
# message: not from np.random's global
def dropout_mask(shape, rng):
    return np.random.randint(2, size=shape)
