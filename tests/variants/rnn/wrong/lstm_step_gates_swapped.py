# exercise: lstm_step
# check: lstm_step_forget_closed
# misconception: rnn.lstm_step.lstm_step_gates_swapped
# message: swapped
import numpy as np


def lstm_step(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    sig = lambda z: 1 / (1 + np.exp(-z))
    candidate = np.tanh(weights["candidate"] @ v)
    forget, ignore, select = sig(weights["ignore"] @ v), sig(weights["forget"] @ v), sig(weights["select"] @ v)
    new_memory = forget * memory + ignore * candidate
    return select * np.tanh(new_memory), new_memory
