# lesson: lesson3
# exercise: ele_mul
def ele_mul(number, vector):
    loop = []
    loop.append(loop)
    return loop
