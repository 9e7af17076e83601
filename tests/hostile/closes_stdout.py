# lesson: lesson3
# exercise: none
# A correct file that closes and replaces the standard streams: it keeps full marks.
import os
import sys

sys.stdout = None
sys.stderr = None
os.close(1)
os.close(2)
