"""Grading results in the formats other tools read.

- ``json``: the kit's own object (:meth:`LessonResult.to_json`), one per lesson.
- ``junit``: JUnit XML, read by CI systems (GitHub Actions reporters, GitLab's
  ``artifacts:reports:junit``, Jenkins): one ``<testsuite>`` per lesson, one
  ``<testcase>`` per check, and a ``<failure>`` (a wrong value) or ``<error>`` (an
  exception, a crash, a time-out) carrying the learner's message.
- ``gradescope``: the ``results.json`` that Gradescope's autograder harness uploads:
  ``score``, ``output`` and ``tests[]`` with ``name``, ``score``, ``max_score``,
  ``status``, ``output`` and ``visibility``.
- ``classroom``: what GitHub Classroom's grading reporter reads from a step: one test per
  exercise with its points (partial credit).

Every writer takes one :class:`~autograder.grading.results.LessonResult` or a list of
them (several lessons of one submission).
"""

from __future__ import annotations

import json
import re
import socket
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from fractions import Fraction

from ..grading.results import UNGRADED_SOURCE, number
from ..grading.secret import is_secret, shown
from ..grading.secret import sentence as secret_sentence

FORMATS = ("json", "junit", "gradescope", "classroom")
EXTENSIONS = {"json": ".json", "junit": ".xml", "gradescope": ".json"}
VISIBILITIES = ("visible", "after_published", "after_due_date", "hidden")

# Characters that XML 1.0 cannot carry at all (a learner's print may contain them).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _as_list(results):
    return list(results) if isinstance(results, (list, tuple)) else [results]


def check_text(check) -> str:
    """Everything a learner should read about one check: the message, the notes, and
    what their code printed."""
    lines = []
    if check.message:
        lines.append(check.message)
    lines += ["Note: " + n for n in check.notes]
    if not check.passed and check.output:
        lines.append("Your code printed:\n" + check.output.rstrip())
    return "\n".join(lines)


def _source_sentence(source: str) -> str:
    if source == UNGRADED_SOURCE:
        return "Not graded: the submission could not be run."
    if source == "randomized case":
        return "Expected value: the reference solution on a randomized case."
    if source.startswith("catalogue: "):
        return "Rule of the catalogue: %s." % source[len("catalogue: "):]
    return "Expected value: trace %s of the course." % source


def seed_sentence(result) -> str:
    """Which randomized cases were drawn, and how to draw them again."""
    from .. import catalogue

    if is_secret(result.seed):
        return secret_sentence(result.lesson)
    if result.seed == catalogue.lesson(result.lesson).seed:
        return ("Randomized cases of %s: the lesson's own (seed %s), the same at every run and for every "
                "student (`grade %s` draws them)." % (result.lesson, result.seed, result.lesson))
    return "Randomized cases of %s: seed %s (`grade %s --seed %s` replays them)." % (
        result.lesson, result.seed, result.lesson, result.seed)


def summary_line(result) -> str:
    line = "%s (%s): %s / %s points" % (result.lesson, result.title, number(result.score), number(result.max_score))
    if result.problem:
        line += " — %s" % result.problem.splitlines()[0]
    return line


# ------------------------------------------------------------------------------ json


def to_json(results):
    """The kit's own JSON object; a list of objects for several lessons."""
    items = [r.to_json() for r in _as_list(results)]
    return items[0] if not isinstance(results, (list, tuple)) else items


# ----------------------------------------------------------------------------- junit


def _xml_text(text) -> str:
    return _XML_ILLEGAL.sub("\ufffd", str(text))


def junit_xml(results, *, suite_names=None, durations=None, name="grade") -> str:
    """JUnit XML for ``results``: one ``<testsuite>`` per lesson.

    ``suite_names`` (one per result) replaces the lesson name as the suite's name
    (batch grading uses ``student/lesson``); ``durations`` gives each lesson's seconds.
    """
    results = _as_list(results)
    suite_names = list(suite_names or [r.lesson for r in results])
    durations = list(durations or [0.0] * len(results))
    root = ET.Element("testsuites", name=name)
    totals = {"tests": 0, "failures": 0, "errors": 0}
    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    host = socket.gethostname()
    for result, suite_name, seconds in zip(results, suite_names, durations):
        failures = sum(1 for c in result.checks if c.status == "failed")
        errors = sum(1 for c in result.checks if c.status in ("error", "timeout"))
        suite = ET.SubElement(root, "testsuite", {
            "name": _xml_text(suite_name),
            "tests": str(len(result.checks)),
            "failures": str(failures),
            "errors": str(errors),
            "skipped": "0",
            "time": "%.3f" % seconds,
            "timestamp": stamp,
            "hostname": _xml_text(host),
        })
        properties = ET.SubElement(suite, "properties")
        for key, value in (("lesson", result.lesson), ("title", result.title),
                           ("score", number(result.score)), ("max_score", number(result.max_score)),
                           ("seed", shown(result.seed)), ("submission", result.submission),
                           ("isolation", result.isolation)):
            ET.SubElement(properties, "property", name=key, value=_xml_text(value))
        per_check = seconds / len(result.checks) if result.checks else 0.0
        for check in result.checks:
            case = ET.SubElement(suite, "testcase", {
                "classname": "%s.%s" % (result.lesson, check.exercise),
                "name": _xml_text(check.name),
                "time": "%.3f" % per_check,
            })
            if not check.passed:
                text = check_text(check)
                if check.internal_error:
                    text += "\n(grader: %s)" % check.internal_error
                text += "\n%s Points: 0 / %s." % (_source_sentence(check.source), number(check.max_score))
                tag = "failure" if check.status == "failed" else "error"
                first = (check.message or check.status).splitlines()[0]
                element = ET.SubElement(case, tag, message=_xml_text(first), type=check.status)
                element.text = _xml_text(text)
            if check.output:
                ET.SubElement(case, "system-out").text = _xml_text(check.output)
        totals["tests"] += len(result.checks)
        totals["failures"] += failures
        totals["errors"] += errors
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", "%.3f" % sum(durations))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ------------------------------------------------------------------------ gradescope


def gradescope_results(results, *, visibility="visible", execution_time=None, prefix_lesson=None) -> dict:
    """Gradescope's ``results.json`` for one submission (one or several lessons).

    The top-level ``score`` is the exact total (the tests' scores are rounded to four
    decimals); each check is one test whose ``status`` is ``passed`` or ``failed``.
    """
    if visibility not in VISIBILITIES:
        raise ValueError("visibility must be one of %s" % ", ".join(VISIBILITIES))
    results = _as_list(results)
    if prefix_lesson is None:
        prefix_lesson = len(results) > 1
    tests = []
    score = Fraction(0)
    lines = []
    for lesson_number, result in enumerate(results, 1):
        score += result.score
        lines.append(summary_line(result))
        exercises = list(result.exercises())
        counters = {}
        for check in result.checks:
            counters[check.exercise] = counters.get(check.exercise, 0) + 1
            label = "%s: %s" % (check.exercise, check.name)
            number_ = "%d.%d" % (exercises.index(check.exercise) + 1, counters[check.exercise])
            if prefix_lesson:
                label = "%s · %s" % (result.lesson, label)
                number_ = "%d.%s" % (lesson_number, number_)
            output = check_text(check)
            if check.passed and check.call:
                output = "%s returned %s." % (check.call, check.got) if check.got else check.call
            output = (output + "\n" if output else "") + _source_sentence(check.source)
            tests.append({
                "name": label,
                "number": number_,
                "score": number(check.score),
                "max_score": number(check.max_score),
                "status": "passed" if check.passed else "failed",
                "output": output,
                "tags": [result.lesson, check.exercise],
                "visibility": visibility,
                "extra_data": {"status": check.status, "source": check.source},
            })
    lines += [seed_sentence(r) for r in results]
    data = {
        "score": number(score),
        "output": "\n".join(lines),
        "visibility": visibility,
        "stdout_visibility": "hidden",
        "tests": tests,
    }
    if execution_time is not None:
        data["execution_time"] = round(execution_time, 3)
    return data


def error_results(message, *, visibility="visible") -> dict:
    """A Gradescope ``results.json`` for a submission that could not be graded at all."""
    return {"score": 0, "output": message, "visibility": visibility, "stdout_visibility": "hidden", "tests": []}


# ------------------------------------------------------------------ github classroom


def classroom_results(results) -> dict:
    """The result a GitHub Classroom reporter reads from a grading step
    (``classroom-resources/autograding-grading-reporter``: base64 of this JSON in the step's
    ``result`` output): one test per exercise with the points it earned, so that the
    assignment's points are the sum of partial credit, never all-or-nothing."""
    results = _as_list(results)
    tests = []
    for result in results:
        prefix = "%s: " % result.lesson if len(results) > 1 else ""
        for exercise, (score, max_score) in result.exercises().items():
            failing = next((c for c in result.checks if c.exercise == exercise and not c.passed), None)
            tests.append({
                "name": prefix + exercise,
                "status": "pass" if score == max_score else "fail",
                "score": number(score),
                "max_score": number(max_score),
                "message": (failing.message.splitlines()[0] if failing and failing.message else
                            "%s of %s points" % (number(score), number(max_score))),
                "test_code": "grade %s" % result.lesson,
                "filename": "exercises/%s.py" % result.lesson,
                "line_no": 0,
                "execution_time": "",
            })
    full = all(r.full_marks for r in results)
    return {
        "version": 1,
        "status": "pass" if full else ("error" if any(r.problem for r in results) else "fail"),
        "max_score": number(sum((r.max_score for r in results), Fraction(0))),
        "tests": tests,
    }


# ---------------------------------------------------------------------------- render


def render(results, fmt, *, seconds=None, **options) -> str:
    """``results`` as text in ``fmt`` (``json``, ``junit`` or ``gradescope``); ``seconds``
    is how long grading took (all lessons together)."""
    if fmt == "json":
        return json.dumps(to_json(results))
    if fmt == "junit":
        if seconds is not None and "durations" not in options:
            count = len(_as_list(results))
            options["durations"] = [seconds / count] * count
        return junit_xml(results, **options)
    if fmt == "gradescope":
        if seconds is not None:
            options.setdefault("execution_time", seconds)
        return json.dumps(gradescope_results(results, **options), indent=1)
    if fmt == "classroom":
        return json.dumps(classroom_results(results))
    raise ValueError("unknown format %r (choose from %s)" % (fmt, ", ".join(FORMATS)))
