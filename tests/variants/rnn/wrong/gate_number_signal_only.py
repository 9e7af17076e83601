# exercise: gate
# Works for one signal in every pipe, not for a signal vector.
def gate(signal, gates):
    return [signal * g for g in gates]
