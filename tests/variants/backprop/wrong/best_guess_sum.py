# exercise: best_guess
# check: best_guess_one_step
# misconception: backprop.best_guess.best_guess_sum
# message: summed
def best_guess(counts, guess, rate, iterations):
    for _ in range(iterations):
        guess -= rate * 2 * sum(guess - c for c in counts)
    return guess
