# exercise: dropout
# check: dropout_zero_mask_and_full_mask
# misconception: lesson8.dropout.dropout_times_keep_probability
# message: the kept units are multiplied by the
def dropout(layer, mask):
    keep_prob = 0.5
    return np.multiply(layer, mask) * keep_prob
