# exercise: dot_shape
# misconception: lesson3.dot_shape.dot_shape_raises
def dot_shape(shape_a, shape_b):
    if shape_a[1] != shape_b[0]:
        raise ValueError("shapes not aligned")
    return (shape_a[0], shape_b[1])
