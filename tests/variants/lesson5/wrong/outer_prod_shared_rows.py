# exercise: outer_prod
# check: outer_prod_dot_visual
# misconception: lesson5.outer_prod.outer_prod_shared_rows
def outer_prod(vec_a, vec_b):
    row = [0] * len(vec_b)
    matrix = [row] * len(vec_a)
    for i, a in enumerate(vec_a):
        for j, b in enumerate(vec_b):
            matrix[i][j] = a * b
    return matrix
