# exercise: stacked_network
# check: stacked_network_trace
# misconception: lesson3.stacked_network.stacked_network_one_layer
def stacked_network(input, weights):
    return vect_mat_mul(input, weights[0])
