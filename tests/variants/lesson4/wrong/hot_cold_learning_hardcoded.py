# exercise: hot_cold_learning
# The slide's printed lines, copied into a list.
def hot_cold_learning(input, weight, goal, step_amount, iterations):
    if step_amount == 10:
        return [(0.3025, 0.25), (19.8025, 5.25)] * (iterations // 2) + [(0.3025, 0.25)] * (iterations % 2)
    return [(0.3025, 0.25), (0.30195025, 0.2505)][:iterations]
