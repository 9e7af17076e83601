"""The pytest plugin that turns grader modules into a learner's report.

Grader modules (``autograder/graders/test_<lesson>.py``) are ordinary pytest tests. Each
test is one *check* of one exercise, declared with :func:`autograder.grading.check`, and
uses these fixtures:

``student``
    the learner's file, seen through its separate process: ``student.w_sum(a, b)`` sends
    the arguments as plain data and returns the answer; when the call raises, hangs or
    crashes, the check ends with a message for the learner.
``expect``
    comparisons that fail with a learner's message: ``expect.close(got, expected, ...)``.
``ref``
    the reference solution of the lesson (trusted code, run here).
``rng``
    a ``numpy.random.Generator`` for randomized cases, seeded from the run's seed (by
    default the lesson's own: see ``Lesson.seed``) and the check's id; a randomized check
    runs once per draw, each with its own generator (see :func:`check`).
``lesson``
    the lesson's metadata (``autograder.catalogue.Lesson``).

Every check of an exercise is worth an equal share of the exercise's points, to four
decimals (:func:`autograder.grading.results.shares`), so that every report adds up.
"""

from __future__ import annotations

import builtins
import copy
import difflib
import zlib
from pathlib import Path

import numpy as np
import pytest

from .. import catalogue, reference
from . import source
from .compare import DIFFERS, Difference, Named, fmt, fmt_like, mismatch, size_one_note, size_one_numbers
from .secret import entropy
from .results import CheckRecord, shares

STATE = pytest.StashKey()
RECORD = pytest.StashKey()


# The exceptions of a size that does not fit: an index past the end, or the assert or
# ValueError of a length check (a fixed [0, 0, 0] buffer, a loop over range(3)...).
SIZE_ERRORS = frozenset({"IndexError", "AssertionError", "ValueError"})


# Exceptions whose own message is the cause: no grader's guess is added to them.
SELF_EXPLAINED = frozenset({"NameError", "UnboundLocalError", "NotImplementedError", "ImportError",
                            "ModuleNotFoundError", "SyntaxError"})


class CheckFailed(AssertionError):
    """A check that compared a real value and found it wrong. ``words`` says what is wrong
    without any value of the case (what a report under the course's secret shows)."""

    def __init__(self, message, words=""):
        super().__init__(message)
        self.words = words


class StudentProblem(Exception):
    """The learner's code raised, hung, crashed or is missing: the check cannot pass."""

    def __init__(self, message, status="error", *, kind="", elsewhere="", words=""):
        super().__init__(message)
        self.message = message
        self.words = words or message  # the message without the call's values (see CheckFailed)
        self.status = status
        self.kind = kind  # the exception's type name when the learner's code raised
        self.elsewhere = elsewhere  # the other function of the file the exception came from
        self.explanation = ""
        self.self_explained = False  # the message already says why (set by describe_outcome's callers)

    def explain(self, text):
        """Add a sentence that names the likely cause (the grader knows the case).

        Not when the exception came from another function of the learner's file (the
        grader's words are about the exercise it called, and the cause is in the callee),
        nor when the exception names its own cause (an undefined name, a list times a float):
        a guess about the case's sizes would hide it."""
        if self.elsewhere or self.kind in SELF_EXPLAINED or self.self_explained:
            return self
        self.message = "%s %s" % (self.message, text)
        self.explanation = text
        self.args = (self.message,)
        return self

    def explain_error(self, text):
        """:meth:`explain`, only when the learner's code raised (an unwritten stub or a
        hang needs no guess about the case)."""
        return self.explain(text) if self.status == "error" else self

    def __str__(self):
        return self.message


class GradingState:
    """Everything one grading run shares: the lesson, the sandbox, the seed, the records."""

    def __init__(self, lesson, sandbox, seed, submission_label, only=None):
        self.lesson = lesson
        self.only = set(only) if only else None  # grade only these exercises
        self.sandbox = sandbox
        self.seed = seed
        self.submission_label = submission_label
        self.records = []
        self.collect_errors = []
        self.source = getattr(sandbox, "submission", None)  # the learner's file, parsed for the report
        self.hung = {}  # exercise -> message of the call that did not finish
        self.import_hang = None  # None: not known; "": the file imports; else why it does not
        self.import_seconds = None  # how long the import alone took, when it was measured


DRAWS = 5  # cases drawn by a randomized check, all of which must pass


def check(exercise, *, trace=None, randomized=False, rule=None, draws=DRAWS):
    """Declare a grader test as a check of ``exercise``.

    Exactly one of ``trace`` (a trace id of the course), ``randomized`` (fresh inputs
    compared with the reference solution) or ``rule`` (a rule of the catalogue) says
    where the expected value comes from; the report shows it.

    A randomized check is an all-or-nothing group: its test runs ``draws`` times, each
    time with a generator of its own, and passes only when every case does. A wrong
    implementation that happens to be right on one draw (a step that always goes up, on
    a case where up was right) cannot keep the check's points by luck, and a check's
    points mean "this part is right". Training checks that cost seconds ask for fewer.
    """
    if sum(bool(x) for x in (trace, randomized, rule)) != 1:
        raise ValueError("give exactly one of trace=, randomized=True, rule=")
    source = trace or ("randomized case" if randomized else "catalogue: " + rule)
    return pytest.mark.grading(exercise=exercise, source=source, trace=trace,
                               draws=max(1, draws) if randomized else 1)


IMPORT_PROBE = "__grokking_import_probe__"  # a name no learner's file defines
IMPORT_PROBE_MIN_SECONDS = 5.0


class Student:
    """The learner's module, called through the sandbox."""

    def __init__(self, state, item):
        self._state = state
        self._item = item

    @property
    def _record(self):
        return self._item.stash[RECORD]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self.call(name, *args)

    def attempt(self, name, *args):
        """Call ``name(*args)`` and return the raw :class:`Outcome` (for checks that
        expect an exception); a hang or crash still ends the check."""
        record = self._record
        exercise = self._state.lesson.exercise(record.exercise)
        record.call = "%s(%s)" % (name, ", ".join(fmt(a, 40) for a in args))
        if self._state.import_hang:
            raise self._import_hang_problem()
        if record.exercise in self._state.hung:
            # One hang per exercise is enough: the rest of its checks fail at once.
            raise StudentProblem("not run: %s" % self._state.hung[record.exercise], "timeout",
                                 words="not run: an earlier call of %s did not finish." % record.exercise)
        kept = copy.deepcopy(args)  # what was sent, for naming misconceptions afterwards
        outcome = self._state.sandbox.call(
            record.exercise, name, args, timeout=exercise.time_limit, memory_mb=exercise.memory_mb
        )
        record.calls.append((name, kept, outcome))
        if outcome.output:
            record.output += outcome.output
        if outcome.mutated:
            record.note(_in_place_note(self._state.lesson, name, args, outcome.mutated))
        if outcome.status == "timeout" and self._import_hangs(exercise):
            raise self._import_hang_problem()
        if outcome.status == "timeout":
            self._state.hung[record.exercise] = "an earlier call, %s, did not finish within %g s." % (
                record.call, exercise.time_limit)
            if (self._state.import_seconds or 0) > exercise.time_limit / 2:
                record.note("importing %s alone took %.1f s of the %g s that each exercise's first call has: "
                            "code at the top level of the file runs before it." % (
                                self._state.submission_label, self._state.import_seconds, exercise.time_limit))
        if outcome.status in ("timeout", "crashed", "too_large", "syntax_error", "import_error", "unreadable",
                              "missing", "not_callable", "protocol_error"):
            raise _problem(name, record.call, outcome, self._state, exercise)
        return outcome

    def _import_hang_problem(self):
        """The failure of every check once the file's import is known not to end: the
        message says it all, so no grader's guess about the case is added to it."""
        problem = StudentProblem(self._state.import_hang, "timeout")
        problem.self_explained = True
        return problem

    def _import_hangs(self, exercise):
        """After a call that did not finish: does importing the file alone not finish?

        The sandbox imports the file in each exercise's process before its first call, under
        that call's time limit, and reports a hang of either the same way. Asking for a name
        that no file defines tells them apart: the answer ("missing") comes right after the
        import, unless the import itself does not end. Asked once per grading run."""
        state = self._state
        if state.import_hang is None:
            # A slow machine must not turn a slow import into a hang: the probe gets more time.
            limit = max(2 * exercise.time_limit, IMPORT_PROBE_MIN_SECONDS)
            probe = state.sandbox.call(IMPORT_PROBE, IMPORT_PROBE, [], timeout=limit, memory_mb=exercise.memory_mb)
            state.import_hang = "" if probe.status != "timeout" else (
                "importing %s did not finish within %g s, so no function of it could be called: code at "
                "the top level of the file (outside every function) runs at import. Is a loop there that "
                "never ends, a training run, or a call that waits for input? Move it into a function, or "
                "under `if __name__ == \"__main__\":`." % (state.submission_label, limit))
            state.import_seconds = probe.seconds if probe.status != "timeout" else None
        return bool(state.import_hang)

    def call(self, name, *args):
        outcome = self.attempt(name, *args)
        if outcome.status != "ok":
            raise _problem(name, self._record.call, outcome, self._state,
                           self._state.lesson.exercise(self._record.exercise))
        return outcome.value


def _in_place_note(lesson, name, args, mutated):
    """Which arguments a function changed, by their names, and how to leave them alone."""
    try:
        names = source.parameters(lesson.exercise(name).signature)
    except KeyError:
        names = []
    changed = [names[i] if i < len(names) else "argument %d" % (i + 1) for i in mutated]
    first = changed[0]
    kind = "list(%s)" % first if isinstance(args[mutated[0]], (list, tuple)) else "%s.copy()" % first
    return ("%s changed %s in place; graders pass copies, so this costs nothing here, but the "
            "caller's data would change. To leave %s as it was, work on a copy made first "
            "(%s = %s)." % (name, " and ".join(changed), "them" if len(changed) > 1 else "it", first, kind))


def _problem(name, call, outcome, state, exercise):
    message, status = describe_outcome(name, call, outcome, state, exercise)
    kind = outcome.info.get("type", "") if outcome.status == "raised" else ""
    elsewhere = ""
    if outcome.status == "raised" and state.source is not None:
        inside = source.function_at(state.source, outcome.info.get("line"))
        if inside and inside != name:
            elsewhere = inside
            message = "%s It was raised inside your %s, not in %s itself: the cause is there." % (
                message, inside, name)
    problem = StudentProblem(message, status, kind=kind, elsewhere=elsewhere,
                             words=outcome_words(name, outcome, state, exercise) or message)
    problem.self_explained = LIST_TIMES_NUMBER in message
    return problem


LIST_TIMES_NUMBER = "A Python list times a number"


def outcome_words(name, outcome, state, exercise):
    """What :func:`describe_outcome` says of a call, without the call's arguments nor
    anything the learner's code chose (its exception's text, exit code or printed names),
    for the outcomes that carry them ("" for the others, whose message has none)."""
    status, info = outcome.status, outcome.info
    if status == "raised":
        kind = info.get("type", "")
        if kind == "NotImplementedError":
            return ""
        if kind == "MemoryError":
            return "%s ran out of memory (the limit is %d MB per exercise)." % (name, exercise.memory_mb)
        # A type of the learner's own could be named after the case: only Python's own are said.
        builtin = isinstance(getattr(builtins, kind, None), type) and issubclass(getattr(builtins, kind), BaseException)
        return "%s raised %s." % (name, kind if builtin else "an exception")
    return {
        "too_large": "%s returned an answer larger than %s MB." % (name, info.get("limit_mb", 8)),
        "timeout": "%s did not finish within %g s: is there a loop that never ends?" % (name, exercise.time_limit),
        "crashed": "the process running %s ended: does your file call os._exit() or crash Python?" % name,
        "missing": "%s has no function named %s." % (state.submission_label, name),
        "protocol_error": "the answer of %s could not be read back." % name,
    }.get(status, "")


def describe_outcome(name, call, outcome, state, exercise):
    """``(message, status)`` for an outcome that is not an answer."""
    info = outcome.info
    label = state.submission_label
    status = outcome.status
    if status == "too_large":
        return ("%s returned an answer larger than %s MB, far more than any check asks for (a list or "
                "array that keeps growing?); it was not read." % (call, info.get("limit_mb", 8))), "error"
    if status == "raised":
        kind = info.get("type", "an exception")
        where = " (line %s of %s)" % (info["line"], label) if info.get("line") else ""
        if kind == "NotImplementedError":
            return "%s is not written yet: it raises NotImplementedError." % name, "failed"
        if kind == "SystemExit":
            return ("%s called sys.exit()/exit()%s: a function must return its result, "
                    "not end the program." % (call, where)), "error"
        if kind == "MemoryError":
            return ("%s ran out of memory%s (the limit is %d MB per exercise)."
                    % (call, where, exercise.memory_mb)), "error"
        message = info.get("message") or ""
        text = "%s raised %s%s%s." % (call, kind, ": " + message if message else "", where)
        if kind == "TypeError" and "can't multiply sequence by non-int" in message:
            text += (" " + LIST_TIMES_NUMBER + " does not multiply its elements (times an int it "
                     "repeats the list, times a float it fails): multiply element by element, or make "
                     "the list a NumPy array first.")
        if kind == "AttributeError" and "object has no attribute" in message and (
                "'list'" in message or "'tuple'" in message or "'float'" in message):
            text += (" Inputs may be plain lists, tuples or numbers: methods such as .dot() exist only on "
                     "NumPy arrays. Use np.dot(a, b), convert with np.array(...), or write the loop.")
        return text, "error"
    if status == "timeout":
        return ("%s did not finish within %g s: is there a loop that never ends?"
                % (call, exercise.time_limit)), "timeout"
    if status == "crashed":
        code = info.get("returncode")
        how = "was killed by signal %d" % -code if isinstance(code, int) and code < 0 else "exited with code %s" % code
        return ("the process running %s %s: does your file call os._exit() or crash Python?"
                % (call, how)), "error"
    if status == "missing":
        defined = info.get("defined") or []
        close = difflib.get_close_matches(name, defined, n=1)
        hint = " Did you mean to name %s %s?" % (close[0], name) if close else ""
        return "%s has no function named %s.%s" % (label, name, hint), "error"
    if status == "not_callable":
        return "%s in %s is a %s, not a function." % (name, label, info.get("type")), "error"
    if status == "syntax_error":
        line = info.get("line")
        text = info.get("text") or ""
        caret = ""
        if text and info.get("offset"):
            stripped = text.lstrip()
            caret = "\n    %s\n    %s^" % (stripped, " " * max(0, info["offset"] - 1 - (len(text) - len(stripped))))
        return "%s has a syntax error on line %s: %s%s" % (label, line, info.get("message"), caret), "error"
    if status == "import_error":
        where = " on line %s" % info["line"] if info.get("line") else ""
        return ("importing %s raised %s%s: %s. The file must import cleanly before any exercise "
                "can be graded." % (label, info.get("type"), where, info.get("message"))), "error"
    if status == "unreadable":
        return "%s cannot be read: %s" % (label, info.get("message")), "error"
    return "the answer of %s could not be read back: %s" % (call, info.get("message", status)), "error"


class Expect:
    """Comparisons whose failures speak to the learner."""

    def __init__(self, item):
        self._item = item

    @property
    def _record(self):
        return self._item.stash[RECORD]

    def close(self, got, expected, *, tol=None, parts=None, slips=(), what=None):
        """Pass when ``got`` matches ``expected`` within ``tol``.

        ``parts`` names the members of a returned tuple (``("new_weights", "prediction")``);
        an expected part of ``None`` is not checked. ``slips`` is a list of
        ``(value, explanation)``: when the answer equals a known slip (a slide misprint, a
        classic mistake) and not the expected value, the explanation is added.
        """
        record = self._record
        got, boxed = size_one_numbers(got, expected)
        if boxed:
            record.note(size_one_note(record.exercise, boxed))
        record.what = what or ""
        shown_got, shown_expected = _checked_parts(got, expected, parts)
        record.expected = fmt_like(shown_expected, shown_got)
        record.got = fmt(shown_got)
        problem = self._problem(got, expected, tol, parts)
        if problem is None:
            return
        message = "%s returned %s, expected %s (%s)" % (
            what or record.call, fmt(shown_got, 80), fmt_like(shown_expected, shown_got, 80),
            _source_text(record.source))
        if not problem.startswith("differs: "):  # a lone number that differs needs no more words
            message += ": " + problem
        message = message if message.endswith((".", "?", "!")) else message + "."
        words = "%s: the answer %s (%s)." % (_called(record), getattr(problem, "words", DIFFERS),
                                            _source_text(record.source))
        for value, explanation in slips:
            if self._problem(got, value, tol, parts) is None:
                message += " " + explanation
                record.slip = explanation
                break
        raise CheckFailed(message, words)

    def _problem(self, got, expected, tol, parts):
        if parts is None:
            return mismatch(got, expected, tol)
        if not isinstance(got, (tuple, list)) or len(got) != len(parts):
            text = "expected a tuple of %d values (%s)" % (len(parts), ", ".join(parts))
            return Difference(text, "is not " + text[len("expected "):])
        for name, g, e in zip(parts, got, expected):
            if e is None:
                continue
            problem = mismatch(g, e, tol)
            if problem is not None:
                return Difference("%s %s" % (name, problem), "(%s) %s" % (name, problem.words))
        return None

    def true(self, condition, message, *, slip="", words=""):
        """Fail with ``message`` unless ``condition`` holds. ``slip`` is the part of the
        message that names a known slip (it gives way to a misconception that says the same);
        ``words``, what is wrong without the case's values (by default: the check's rule
        does not hold)."""
        if not condition:
            record = self._record
            if slip:
                record.slip = slip
            raise CheckFailed(message, words or "%s: the answer does not pass this check (%s)." % (
                _called(record), _source_text(record.source)))


def _checked_parts(got, expected, parts):
    """The parts of a returned tuple that a check compares, named (``weight_deltas [..]``),
    when it compares only some of them: no placeholder for the parts it leaves alone."""
    if parts is None or not isinstance(expected, (tuple, list)) or all(e is not None for e in expected):
        return got, expected
    keep = [i for i, e in enumerate(expected) if e is not None]
    names = [parts[i] for i in keep]
    shown_expected = Named(names, [expected[i] for i in keep])
    if isinstance(got, (tuple, list)) and len(got) == len(parts):
        return Named(names, [got[i] for i in keep]), shown_expected
    return got, shown_expected


def _called(record):
    """The function a check called, by name only (its arguments are the case's values)."""
    return record.call.partition("(")[0] or record.exercise


def _source_text(source):
    if source.startswith("catalogue: "):
        return source
    if source == "randomized case":
        return "randomized case, compared with the reference solution"
    return "trace " + source


# ---------------------------------------------------------------------------- hooks


def pytest_configure(config):
    config.addinivalue_line("markers", "grading(exercise, source, trace): a check of one exercise")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session, config, items):
    state = config.stash[STATE]
    if state.only is not None:
        unknown = state.only - {e.name for e in state.lesson.exercises}
        if unknown:
            state.collect_errors.append("no exercise named %s in %s" % (", ".join(sorted(unknown)), state.lesson.name))
        keep = [i for i in items if (i.get_closest_marker("grading") is None
                                     or i.get_closest_marker("grading").kwargs["exercise"] in state.only)]
        dropped = [i for i in items if i not in keep]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = keep
    counts = {}
    for item in items:
        marker = item.get_closest_marker("grading")
        if marker is None:
            state.collect_errors.append("%s has no @check(...) marker" % item.nodeid)
            continue
        counts[marker.kwargs["exercise"]] = counts.get(marker.kwargs["exercise"], 0) + 1
    share = {}
    for item in items:
        marker = item.get_closest_marker("grading")
        if marker is None:
            continue
        exercise = marker.kwargs["exercise"]
        try:
            points = state.lesson.exercise(exercise).points
        except KeyError as exc:
            state.collect_errors.append(str(exc))
            continue
        name = item.name[5:] if item.name.startswith("test_") else item.name
        if exercise not in share:
            share[exercise] = iter(shares(points, counts[exercise]))
        record = CheckRecord(name=name, exercise=exercise, source=marker.kwargs["source"],
                             max_score=next(share[exercise]))
        record.drawn = "rng" in item.fixturenames  # its cases come from the run's seed
        if marker.kwargs.get("trace"):
            record.expected = fmt(catalogue.trace(marker.kwargs["trace"]).value)
        item.stash[RECORD] = record
        state.records.append(record)
    for e in state.lesson.exercises:
        if e.name not in counts and (state.only is None or e.name in state.only):
            state.collect_errors.append("exercise %s has no check in %s" % (e.name, state.lesson.grader.name))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    record = item.stash.get(RECORD, None)
    if record is None or report.when == "teardown" and report.passed:
        return
    if report.when == "call" and report.passed:
        record.status = "passed"
        return
    if call.excinfo is None:
        return
    exc = call.excinfo.value
    if isinstance(exc, CheckFailed):
        record.status, record.message, record.words = "failed", str(exc), exc.words
    elif isinstance(exc, StudentProblem):
        record.status, record.message, record.words = exc.status, str(exc), exc.words
        record.slip = record.slip or exc.explanation
    else:
        record.status = "error"
        record.message = record.words = "the grader itself failed on this check (not your fault; please report it)."
        record.internal_error = "%s: %s" % (type(exc).__name__, exc)


def _state(request):
    return request.config.stash[STATE]


@pytest.fixture
def student(request):
    return Student(_state(request), request.node)


@pytest.fixture
def expect(request):
    return Expect(request.node)


@pytest.fixture
def lesson(request):
    return _state(request).lesson


@pytest.fixture
def ref(request):
    return reference.load(_state(request).lesson.name)


def _generator(seed, item, draw=0):
    """The generator of one draw of a check: a function of the run's seed, the check's
    id and the draw's number only (never of the order checks run in)."""
    return np.random.default_rng([entropy(seed), zlib.crc32(item.nodeid.encode()), draw])


@pytest.fixture
def rng(request):
    return _generator(_state(request).seed, request.node)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run a randomized check once per draw, each with a fresh generator; the first
    failing draw ends it (its call, expected and got are the ones reported)."""
    marker = pyfuncitem.get_closest_marker("grading")
    draws = marker.kwargs.get("draws", 1) if marker is not None else 1
    if draws <= 1 or "rng" not in pyfuncitem.funcargs:
        return None
    seed = pyfuncitem.config.stash[STATE].seed
    args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    for draw in range(draws):
        args["rng"] = _generator(seed, pyfuncitem, draw)
        pyfuncitem.obj(**args)
    return True


@pytest.fixture
def trace():
    return catalogue.trace


class RunPlugin:
    """Hands one run's state to the hooks and fixtures above."""

    def __init__(self, state):
        self.state = state

    def pytest_configure(self, config):
        config.stash[STATE] = self.state


GRADERS_INI = Path(__file__).resolve().parent.parent / "graders" / "pytest.ini"
