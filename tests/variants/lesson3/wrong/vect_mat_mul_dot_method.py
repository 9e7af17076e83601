# exercise: vect_mat_mul
# check: vect_mat_mul_talk
# message: exist only on NumPy arrays
def vect_mat_mul(vect, matrix):
    return matrix.dot(vect)
