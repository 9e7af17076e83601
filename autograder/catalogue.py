"""The course: lessons, exercises, points, hints, limits and the traces they check.

Everything a lesson needs is described in ``autograder/lessons/<lesson>.toml`` (one file
per lesson, read by the CLI, the graders, the notebook builder and the tests alike). The
course's documented traces are carried in ``autograder/data/traces.json``.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import tomllib
import zlib
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LESSONS_DIR = PACKAGE / "lessons"
GRADERS_DIR = PACKAGE / "graders"
TRACES_FILE = PACKAGE / "data" / "traces.json"

DEFAULT_TIME_LIMIT = 5.0  # seconds per call into the learner's code
DEFAULT_MEMORY_MB = 512


class UnknownLesson(LookupError):
    def __init__(self, name, known):
        super().__init__("there is no lesson %r. Lessons: %s.%s" % (name, ", ".join(known), _suggest(name, known)))


def _suggest(name, known):
    """The lesson(s) a mistyped name probably meant: for a book lesson without exercises
    (``lesson7``), the numbered lessons around it; else the closest spelling."""
    name = str(name).strip().lower()
    numbered = sorted((int(k[len("lesson"):]), k) for k in known if re.fullmatch(r"lesson\d+", k))
    wanted = re.fullmatch(r"lesson(\d+)", name)
    if wanted and numbered:
        n = int(wanted.group(1))
        close = [k for i, k in numbered if i < n][-1:] + [k for i, k in numbered if i > n][:1]
    else:
        close = difflib.get_close_matches(name, known, n=1)
    return " Did you mean %s?" % " or ".join(close) if close else ""


@dataclass(frozen=True)
class Slip:
    """A known misconception of an exercise (see :mod:`autograder.misconceptions`): the name of
    its function there, and the report's words for it."""

    name: str
    when: str  # completes "This is what you get when ..."
    course: str = ""  # where the course shows the right way
    sign_free: bool = False  # the learner may take the difference the other way round


@dataclass(frozen=True)
class Exercise:
    name: str
    signature: str
    points: int
    hints: tuple = ()
    traces: tuple = ()
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_mb: int = DEFAULT_MEMORY_MB
    uses: tuple = ()  # other exercises of the lesson that this one calls (as the course writes it)
    misconceptions: tuple = ()  # its known slips (Slip), in the order the report tries them


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str
    order: float
    exercises: tuple
    ungraded_traces: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    @property
    def grader(self) -> Path:
        return GRADERS_DIR / ("test_%s.py" % self.name)

    @property
    def max_score(self) -> int:
        return sum(e.points for e in self.exercises)

    @property
    def seed(self) -> int:
        """The seed of the randomized cases when none is asked for: fixed per lesson and
        kit version, so that a score is a function of the code alone (the same at every
        run, on every machine, for every student, in every front end)."""
        from . import __version__

        return zlib.crc32(("%s %s" % (self.name, __version__)).encode()) & 0x7FFFFFFF

    def depends_on(self, name) -> set:
        """The exercises that ``name`` calls, directly or through others."""
        found, todo = set(), list(self.exercise(name).uses)
        while todo:
            other = todo.pop()
            if other not in found:
                found.add(other)
                todo += list(self.exercise(other).uses)
        return found

    def dependents(self, name) -> set:
        """The exercises that call ``name``, directly or through others."""
        return {e.name for e in self.exercises if name in self.depends_on(e.name)}

    def exercise(self, name) -> Exercise:
        for e in self.exercises:
            if e.name == name:
                return e
        raise KeyError("lesson %s has no exercise %r" % (self.name, name))


def _load_lesson(path: Path) -> Lesson:
    with open(path, "rb") as f:
        raw = tomllib.load(f)
    time_limit = float(raw.get("time_limit", DEFAULT_TIME_LIMIT))
    memory_mb = int(raw.get("memory_limit_mb", DEFAULT_MEMORY_MB))
    exercises = tuple(
        Exercise(
            name=e["name"],
            signature=e["signature"],
            points=int(e["points"]),
            hints=tuple(e.get("hints", ())),
            traces=tuple(e.get("traces", ())),
            time_limit=float(e.get("time_limit", time_limit)),
            memory_mb=int(e.get("memory_limit_mb", memory_mb)),
            uses=tuple(e.get("uses", ())),
            misconceptions=tuple(Slip(m["name"], m["when"], m.get("course", ""), bool(m.get("sign_free", False)))
                                 for m in e.get("misconception", ())),
        )
        for e in raw["exercise"]
    )
    return Lesson(
        name=raw["lesson"],
        title=raw["title"],
        order=float(raw.get("order", 0)),
        exercises=exercises,
        ungraded_traces=dict(raw.get("ungraded_traces", {})),
        data={k: v for k, v in raw.items() if k not in {"lesson", "title", "order", "exercise", "ungraded_traces"}},
    )


@functools.cache
def lessons() -> dict:
    """Every lesson of the course, in course order."""
    found = [_load_lesson(p) for p in sorted(LESSONS_DIR.glob("*.toml"))]
    found.sort(key=lambda l: (l.order, l.name))
    return {l.name: l for l in found}


def lesson(name: str) -> Lesson:
    known = lessons()
    if name not in known:
        raise UnknownLesson(name, list(known))
    return known[name]


@dataclass(frozen=True)
class Trace:
    id: str
    lesson: str
    what: str
    inputs: dict
    printed: object
    value: object
    tolerance: dict
    notes: str

    @property
    def label(self) -> str:
        return "trace " + self.id


@functools.cache
def traces() -> dict:
    with open(TRACES_FILE, encoding="utf-8") as f:
        raw = json.load(f)
    return {
        t["id"]: Trace(t["id"], t["lesson"], t["what"], t["inputs"], t["printed"], t["value"], t["tolerance"], t["notes"])
        for t in raw
    }


def trace(trace_id: str) -> Trace:
    return traces()[trace_id]
