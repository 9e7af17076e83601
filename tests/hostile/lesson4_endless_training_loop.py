# lesson: lesson4
# exercise: gradient_descent
# A while loop that never counts its iterations: the first call hangs, the exercise's other
# checks fail at once, and every other exercise keeps its points.
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    iteration = 0
    while iteration < iterations:
        prediction = input * weight
        history.append(((prediction - goal) ** 2, prediction))
        weight = weight - alpha * input * (prediction - goal)
    return history
