# exercise: outer_prod
# check: outer_prod_non_square
# misconception: lesson5.outer_prod.outer_prod_fixed_three
# message: the matrix starts as a fixed 3
def outer_prod(vec_a, vec_b):
    out = [[0, 0, 0], [0, 0, 0], [0, 0, 0]]
    for i in range(len(vec_a)):
        for j in range(len(vec_b)):
            out[i][j] = vec_a[i] * vec_b[j]
    return out
