# exercise: best_guess
# check: best_guess_settles_on_the_mean
# The list of guesses instead of the last one.
import numpy as np


def best_guess(counts, guess, rate, iterations):
    guesses = []
    for _ in range(iterations):
        guess = guess - rate * 2 * np.mean(guess - np.asarray(counts, dtype=float))
        guesses.append(guess)
    return guesses
