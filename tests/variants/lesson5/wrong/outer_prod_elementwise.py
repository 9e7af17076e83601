# exercise: outer_prod
def outer_prod(vec_a, vec_b):
    return [a * b for a, b in zip(vec_a, vec_b)]
