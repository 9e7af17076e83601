# The course's habit of reusing the caller's list: values right, argument changed.
# (An integer array cannot hold the products in place: arrays get a new one.)
def ele_mul(number, vector):
    if not isinstance(vector, list):
        return number * vector
    for i in range(len(vector)):
        vector[i] = vector[i] * number
    return list(vector)
