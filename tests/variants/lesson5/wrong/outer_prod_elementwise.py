# exercise: outer_prod
# misconception: lesson5.outer_prod.outer_prod_elementwise
def outer_prod(vec_a, vec_b):
    return [a * b for a, b in zip(vec_a, vec_b)]
