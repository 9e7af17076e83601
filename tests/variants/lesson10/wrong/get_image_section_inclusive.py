# exercise: get_image_section
# check: get_image_section_random
# message: row_to and col_to are taken as included
# misconception: lesson10.get_image_section.get_image_section_inclusive_ends
import numpy as np


def get_image_section(layer, row_from, row_to, col_from, col_to):
    # "up to and including row_to"
    return np.expand_dims(layer[:, row_from:row_to + 1, col_from:col_to + 1], axis=1)
