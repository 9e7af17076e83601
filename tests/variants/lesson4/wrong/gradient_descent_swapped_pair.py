# exercise: gradient_descent
# check: gradient_descent_breaking_input_half
# misconception: lesson4.gradient_descent.gradient_descent_swapped_pair
# message: each pair is stored as (prediction, error)
def gradient_descent(input, weight, goal, alpha, iterations):
    history = []
    for _ in range(iterations):
        prediction = input * weight
        history.append((prediction, squared_error(prediction, goal)))
        weight = gradient_descent_step(input, weight, goal, alpha)
    return history
