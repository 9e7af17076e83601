# exercise: dot_shape
# check: dot_shape_trace
# misconception: lesson3.dot_shape.dot_shape_inner
def dot_shape(shape_a, shape_b):
    if shape_a[1] != shape_b[0]:
        return None
    return (shape_a[1], shape_b[0])
