# exercise: w_sum
# message: instead of raising an exception
def w_sum(a, b):
    return sum(x * y for x, y in zip(a, b))
