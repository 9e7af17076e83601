# exercise: w_sum
# check: w_sum_trace
# message: expected a single number
def w_sum(a, b):
    assert len(a) == len(b)
    return [x * y for x, y in zip(a, b)]
