"""The name the nbgrader_config.py of a course made by an earlier version imports: see
:mod:`autograder.instructor.regrade` (``grade course init`` now writes that name)."""

from .instructor.regrade import *  # noqa: F401,F403
from .instructor.regrade import configure  # noqa: F401
