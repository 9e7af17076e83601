# The course's habit of reusing the caller's list: values right, argument changed.
def ele_mul(number, vector):
    for i in range(len(vector)):
        vector[i] = vector[i] * number
    return list(vector)
