# exercise: w_sum
# misconception: lesson3.w_sum.w_sum_stops_early
# message: stops one element early
def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(len(a) - 1):
        output += a[i] * b[i]
    return output
