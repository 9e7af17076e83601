# exercise: shawarma_error
# misconception: backprop.shawarma_error.shawarma_error_goal_one
def shawarma_error(active, weights, goal=1.0):
    return [1.0 - a for a in shawarma_activity(active, weights)]
