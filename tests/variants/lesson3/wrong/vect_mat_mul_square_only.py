# exercise: vect_mat_mul
# misconception: lesson3.vect_mat_mul.vect_mat_mul_square_only
# message: square matrix
def vect_mat_mul(vect, matrix):
    assert len(vect) == len(matrix)
    output = [0, 0, 0]
    for i in range(len(vect)):
        output[i] = w_sum(vect, matrix[i])
    return output
