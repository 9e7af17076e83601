# exercise: lstm_step
# check: lstm_step_book
# misconception: rnn.lstm_step.lstm_step_no_tanh
# message: tanh is missing before the select gate
import numpy as np


def lstm_step(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    sig = lambda z: 1 / (1 + np.exp(-z))
    candidate = np.tanh(weights["candidate"] @ v)
    new_memory = sig(weights["forget"] @ v) * memory + sig(weights["ignore"] @ v) * candidate
    return sig(weights["select"] @ v) * new_memory, new_memory
