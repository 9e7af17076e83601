# exercise: get_image_section
# check: get_image_section_course_size
# misconception: lesson10.get_image_section.get_image_section_axis_last
import numpy as np


def get_image_section(layer, row_from, row_to, col_from, col_to):
    return layer[:, row_from:row_to, col_from:col_to][..., np.newaxis]
