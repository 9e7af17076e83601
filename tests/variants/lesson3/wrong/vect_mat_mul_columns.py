# exercise: vect_mat_mul
# check: vect_mat_mul_trace
# misconception: lesson3.vect_mat_mul.vect_mat_mul_columns
# message: read transposed
def vect_mat_mul(vect, matrix):
    return [sum(vect[i] * matrix[i][j] for i in range(len(vect))) for j in range(len(matrix[0]))]
