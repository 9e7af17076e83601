"""A grading kit for learning neural networks from scratch with Python and NumPy."""

__version__ = "0.1.0"
