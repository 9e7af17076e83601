# exercise: outer_prod
# check: outer_prod_weight_deltas, outer_prod_non_square
# misconception: lesson5.outer_prod.outer_prod_transposed
# message: the matrix is built transposed: one row
def outer_prod(vec_a, vec_b):
    return [[a * b for a in vec_a] for b in vec_b]
