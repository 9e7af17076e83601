# lesson: lesson3
# exercise: ele_mul
def ele_mul(number, vector):
    hoard = []
    while True:
        hoard.append(bytearray(50 * 2**20))
