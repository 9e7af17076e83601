# exercise: match_filter
# misconception: lesson10.match_filter.match_filter_divides_by_rows
def match_filter(patch, feature):
    total = 0.0
    for row_p, row_f in zip(patch, feature):
        for p, f in zip(row_p, row_f):
            total += p * f
    return total / len(patch)
