# exercise: vect_mat_mul
# message: transposed matrix
def vect_mat_mul(vect, matrix):
    return [sum(vect[i] * matrix[i][j] for i in range(len(vect))) for j in range(len(matrix[0]))]
