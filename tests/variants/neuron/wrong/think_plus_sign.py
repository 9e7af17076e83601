# exercise: think
# misconception: neuron.think.think_exp_sign
# 1 / (1 + exp(x)) instead of exp(-x): the sigmoid mirrored.
def think(inputs, weights):
    return 1 / (1 + np.exp(np.dot(inputs, weights)))
