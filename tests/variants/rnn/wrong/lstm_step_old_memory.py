# exercise: lstm_step
# check: lstm_step_select_closed
# The new prediction is right, but the memory returned is the old one.
import numpy as np


def lstm_step(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    sig = lambda z: 1 / (1 + np.exp(-z))
    candidate = np.tanh(weights["candidate"] @ v)
    new_memory = sig(weights["forget"] @ v) * memory + sig(weights["ignore"] @ v) * candidate
    return sig(weights["select"] @ v) * np.tanh(new_memory), memory
