# exercise: w_sum
# message: stop one index early
def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(len(a) - 1):
        output += a[i] * b[i]
    return output
