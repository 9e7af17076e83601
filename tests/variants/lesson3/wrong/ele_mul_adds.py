# exercise: ele_mul
# check: ele_mul_trace
def ele_mul(number, vector):
    return [number + v for v in vector]
