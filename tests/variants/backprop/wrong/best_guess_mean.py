# exercise: best_guess
# check: best_guess_no_step
# misconception: backprop.best_guess.best_guess_mean_at_once
def best_guess(counts, guess, rate, iterations):
    return sum(counts) / len(counts)
