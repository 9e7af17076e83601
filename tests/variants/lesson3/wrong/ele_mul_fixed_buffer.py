# exercise: ele_mul
# misconception: lesson3.ele_mul.ele_mul_fixed_buffer
# message: starts as the slide's [0, 0, 0]
def ele_mul(number, vector):
    output = [0, 0, 0]
    assert len(output) == len(vector)
    for i in range(len(vector)):
        output[i] = number * vector[i]
    return output
