# exercise: lstm_step
# check: lstm_step_memory_kept
# misconception: rnn.lstm_step.lstm_step_gate_on_memory
# message: applied to the memory instead of the candidate
import numpy as np


def lstm_step(x, prediction, memory, weights):
    v = np.concatenate([x, prediction])
    sig = lambda z: 1 / (1 + np.exp(-z))
    candidate = np.tanh(weights["candidate"] @ v)
    kept = gate(gate(memory, sig(weights["forget"] @ v)), sig(weights["ignore"] @ v))
    new_memory = elementwise_add(kept, candidate)
    return gate(np.tanh(new_memory), sig(weights["select"] @ v)), new_memory
