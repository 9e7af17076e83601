"""What grading a lesson produced: one record per check, and the lesson's total."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from .secret import shown

STATUSES = ("passed", "failed", "error", "timeout")


def number(x: Fraction):
    """A score as JSON shows it: an int when whole, else a float to 4 decimals."""
    if x.denominator == 1:
        return int(x)
    return round(float(x), 4)


PLACES = 10_000  # every score is shown to 4 decimals


def shares(points, count: int) -> list:
    """``points`` shared by ``count`` checks, as equally as four decimals allow: each share
    a whole number of ten-thousandths, the first ones one more, so that the shares sum
    exactly to ``points`` and every report (JSON, JUnit, Gradescope, nbgrader) adds up:
    ``shares(2, 9)`` is 0.2223 twice and 0.2222 seven times."""
    units = Fraction(points) * PLACES
    if units.denominator != 1:
        raise ValueError("points must be whole ten-thousandths: %r" % points)
    base, extra = divmod(int(units), count)
    return [Fraction(base + (1 if i < extra else 0), PLACES) for i in range(count)]


@dataclass
class CheckRecord:
    name: str
    exercise: str
    source: str  # a trace id, "randomized case" or "catalogue: <rule>"
    max_score: Fraction
    status: str = "passed"
    message: str = ""
    call: str = ""
    expected: str = ""
    got: str = ""
    notes: list = field(default_factory=list)
    output: str = ""  # what the learner's code printed during the check
    internal_error: str = ""  # a bug of the grader itself (never the learner's fault)
    misconception: str = ""  # the id of the known misconception the answers show, if any
    what: str = ""  # the check's own words for what it called, when it made several calls
    slip: str = ""  # the check's own explanation of a known slip the answer equals, if any
    calls: list = field(default_factory=list, repr=False)  # (function, args, outcome) of each call made
    drawn: bool = False  # its cases are drawn from the run's seed (the check uses ``rng``)
    words: str = ""  # what went wrong, without any value of the case (see hide_case)

    @property
    def score(self) -> Fraction:
        return self.max_score if self.status == "passed" else Fraction(0)

    @property
    def passed(self):
        return self.status == "passed"

    def say_in_words(self):
        """Under the course's secret, a drawn check's failure is said in words: what went
        wrong (a wrong shape, NaN, a value that differs...), never the case's inputs,
        expected or returned values, which a learner who resubmits could hard-code.
        Before the misconceptions are named (their sentences are the course's words)."""
        if not self.passed:  # a check that gave no words of its own is not trusted to have none of the case
            self.message = self.words or "%s: the answer does not pass this check." % self.exercise
        self.slip = ""  # a check's slip note may quote the case (its sizes, its numbers)

    def hide_case(self):
        """Then the rest of the case goes: its call, values, and what the learner's code
        printed (it could print its inputs)."""
        self.call = self.expected = self.got = self.what = ""
        if self.output and not self.passed:
            self.note("What your code printed during this check is not shown: its cases are the course's secret.")
        self.output = ""
        self.calls = []

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def to_json(self):
        text = self.message
        if self.notes:
            text = "\n".join([text] + ["Note: " + n for n in self.notes]).strip()
        return {
            "name": self.name,
            "exercise": self.exercise,
            "score": number(self.score),
            "max_score": number(self.max_score),
            "status": self.status,
            "output": text,
            "source": self.source,
            "call": self.call,
            "expected": self.expected,
            "got": self.got,
            "misconception": self.misconception,
        }


@dataclass
class LessonResult:
    lesson: str
    title: str
    submission: str
    seed: object  # an int, or a SecretSeed (shown as "secret")
    checks: list
    problem: str = ""  # why the file could not be run at all (syntax error...), if so
    isolation: str = ""  # what held around the learner's code: "sealed: ..." or "process only: ..."

    @property
    def score(self) -> Fraction:
        return sum((c.score for c in self.checks), Fraction(0))

    @property
    def max_score(self) -> Fraction:
        return sum((c.max_score for c in self.checks), Fraction(0))

    @property
    def full_marks(self):
        return self.max_score > 0 and self.score == self.max_score

    @property
    def internal_errors(self):
        return [c for c in self.checks if c.internal_error]

    def exercises(self):
        """``{exercise: (score, max_score)}`` in the order the checks ran."""
        totals = {}
        for c in self.checks:
            s, m = totals.get(c.exercise, (Fraction(0), Fraction(0)))
            totals[c.exercise] = (s + c.score, m + c.max_score)
        return totals

    def to_json(self):
        return {
            "lesson": self.lesson,
            "score": number(self.score),
            "max_score": number(self.max_score),
            "tests": [c.to_json() for c in self.checks],
            "seed": shown(self.seed),
            "submission": self.submission,
            "isolation": self.isolation,
        }


UNGRADED_SOURCE = "submission"  # the source of the checks of a submission that could not be run


def ungraded(lesson, submission, message, *, status="error", seed=None) -> LessonResult:
    """A complete result for a submission that could not be graded at all (a missing file,
    grading stopped...): one failed check per exercise of ``lesson`` (a
    :class:`~autograder.catalogue.Lesson`), worth its points, carrying ``message``, so that
    every format writes a whole report with the lesson's real maximum."""
    checks = [CheckRecord(name=e.name, exercise=e.name, source=UNGRADED_SOURCE, max_score=Fraction(e.points),
                          status=status, message=message) for e in lesson.exercises]
    return LessonResult(lesson=lesson.name, title=lesson.title, submission=str(submission),
                        seed=lesson.seed if seed is None else seed, checks=checks, problem=message)
