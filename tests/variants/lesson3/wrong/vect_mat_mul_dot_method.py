# exercise: vect_mat_mul
# message: exist only on NumPy arrays
def vect_mat_mul(vect, matrix):
    return matrix.dot(vect)
