# exercise: w_sum
# check: w_sum_unequal_lengths_raise
# misconception: lesson3.w_sum.w_sum_no_length_check
# message: instead of raising an exception
def w_sum(a, b):
    return sum(x * y for x, y in zip(a, b))
