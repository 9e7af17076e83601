# exercise: multi_input_step
# check: multi_input_step_dot_visual
def multi_input_step(input, weights, goal, alpha):
    return ([0.1119, 0.20091, -0.09832], 0.86, 0.0196, -0.14, [-1.19, -0.091, -0.168])
