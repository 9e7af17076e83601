# exercise: ele_mul
def ele_mul(number, vector):
    return [number + v for v in vector]
