# exercise: w_sum
# message: only works for three numbers
def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(3):
        output += a[i] * b[i]
    return output
