# lesson: lesson3
# exercise: vect_mat_mul
import sys


def vect_mat_mul(vect, matrix):
    sys.exit(0)
