# exercise: w_sum
# check: w_sum_local_predictions
# misconception: lesson3.w_sum.w_sum_range_three
# message: as if every vector had three numbers
def w_sum(a, b):
    assert len(a) == len(b)
    output = 0
    for i in range(3):
        output += a[i] * b[i]
    return output
