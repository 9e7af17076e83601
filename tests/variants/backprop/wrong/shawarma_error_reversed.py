# exercise: shawarma_error
# check: shawarma_error_talk, shawarma_error_after_update
# misconception: backprop.shawarma_error.shawarma_error_reversed
# message: goal minus activity
def shawarma_error(active, weights, goal=1.0):
    return [activity - goal for activity in shawarma_activity(active, weights)]
