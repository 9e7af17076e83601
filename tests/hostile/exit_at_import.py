# lesson: lesson3
# exercise: all
import sys

sys.exit(3)
