# exercise: gate
# check: gate_talk
# misconception: rnn.gate.gate_flipped
# message: flipped
import numpy as np


def gate(signal, gates):
    return signal * (1.0 - gates)
