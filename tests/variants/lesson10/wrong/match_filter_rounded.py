# exercise: match_filter
# check: match_filter_every_talk_value
# message: rounded to two digits
# misconception: lesson10.match_filter.match_filter_rounded
import numpy as np


def match_filter(patch, feature):
    return round(float(np.mean(np.asarray(patch) * np.asarray(feature))), 2)
