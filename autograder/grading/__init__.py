"""The grading engine and the vocabulary of grader modules.

A grader module imports what it needs from here::

    from autograder.grading import check

    @check("w_sum", trace="L3.multi-input.pred")
    def test_w_sum_trace(student, expect, trace):
        t = trace("L3.multi-input.pred")
        expect.close(student.w_sum(t.inputs["input"], t.inputs["weights"]), t.value, tol=t.tolerance)
"""

from .plugin import SIZE_ERRORS, CheckFailed, StudentProblem, check

__all__ = ["check", "CheckFailed", "StudentProblem", "SIZE_ERRORS", "grade"]


def grade(lesson, submission, **kwargs):
    from .engine import grade as _grade

    return _grade(lesson, submission, **kwargs)
