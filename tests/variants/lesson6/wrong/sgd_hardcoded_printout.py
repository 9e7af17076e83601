# exercise: streetlight_sgd
def streetlight_sgd(streetlights, walk_vs_stop, weights, alpha, iterations):
    return [2.6561231104, 0.962870177672, 0.000614343567483, 0.000533736773285]
