# exercise: best_guess
# check: best_guess_talk
# misconception: backprop.best_guess.best_guess_one_step
import numpy as np


def best_guess(counts, guess, rate, iterations):
    if iterations:
        guess = guess - rate * 2 * np.mean(guess - np.asarray(counts, dtype=float))
    return guess
