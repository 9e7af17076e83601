# lesson: lesson3
# exercise: w_sum
def w_sum(a, b):
    while True:
        pass
