# lesson: neuron
# exercise: train_neuron
# train_neuron ignores the polite signals and sleeps: the time limit still ends it, and
# think keeps its points.
import signal
import time

for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGALRM):
    signal.signal(sig, signal.SIG_IGN)


def train_neuron(inputs, outputs, weights, iterations):
    while True:
        time.sleep(0.05)
