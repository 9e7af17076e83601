# exercise: get_image_section
# message: without the reshape
# misconception: lesson10.get_image_section.get_image_section_no_reshape
def get_image_section(layer, row_from, row_to, col_from, col_to):
    return layer[:, row_from:row_to, col_from:col_to]
