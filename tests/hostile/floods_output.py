# lesson: lesson3
# exercise: none
# A correct file that prints a great deal: it keeps full marks.
import warnings

for i in range(20000):
    print("iteration", i, "error", 0.1 * i)
warnings.warn("noisy")
