"""The course as an nbgrader course: ``grade course init`` and ``grade course regrade``.

``grade course init DIR`` writes an nbgrader course folder: ``nbgrader_config.py`` (whose
``configure(c)`` line makes ``nbgrader autograde`` grade with the kit's engine, see
:mod:`autograder.instructor.regrade`) and ``source/<lesson>/<lesson>.ipynb`` for every lesson of the
kit, built from the solutions and the lessons' metadata (:mod:`autograder.instructor.notebooks`).
Run again, it rewrites the notebooks that differ from what the kit builds now.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import catalogue

# nbformat takes seconds to import: the notebook builder is imported when a course
# command runs, never when the `grade` command starts.

CONFIG_NAME = "nbgrader_config.py"

CONFIG_TEXT = '''"""nbgrader configuration of the course (written by `grade course init`).

Keep the configure(c) line: it makes `nbgrader autograde` grade every exercise with the
kit's checks, the learner's code in the kit's sandbox, and write the kit's report and
score into each test cell. The kit's settings (c.KitGrade.lessons, c.KitGrade.seed,
c.KitGrade.secret, c.KitExecute.run_kernel...) are described in `grade course --help`.
"""
from autograder.instructor.regrade import configure

c = get_config()  # noqa: F821  (nbgrader provides it)
c.CourseDirectory.course_id = %(course_id)r
configure(c)

# Which lesson of the kit each assignment is (keys: assignment names, notebook names
# without .ipynb, or "assignment/notebook"). An assignment or notebook named after a
# lesson needs no entry; a notebook of the kit that maps to no lesson fails autograde.
c.KitGrade.lessons = {
%(lessons)s}
'''


def source_notebook(root: Path, lesson: str, assignment: str | None = None) -> Path:
    """Where the course's source notebook of ``lesson`` is, as assignment ``assignment``
    (default: the lesson's name), named after the assignment."""
    name = assignment or lesson
    return Path(root) / "source" / name / ("%s.ipynb" % name)


def assignments(lessons=None, named=None) -> dict:
    """``{assignment: lesson}`` of a course: ``named`` (``{assignment: lesson}``) and the
    ``lessons`` under their own names; every lesson when neither is given."""
    plan = {name: name for name in (lessons or ([] if named else catalogue.lessons()))}
    plan.update(named or {})
    return plan


def config_text(plan: dict, course_id="grokking") -> str:
    lines = "".join("    %r: %r,\n" % (a, lesson) for a, lesson in plan.items())
    return CONFIG_TEXT % {"course_id": course_id, "lessons": lines}


def expected_files(root, lessons=None, course_id="grokking", named=None) -> dict:
    """``{path: text}`` of what ``grade course init`` writes (the config only if absent)."""
    from . import notebooks

    root = Path(root)
    plan = assignments(lessons, named)
    files = {source_notebook(root, lesson, assignment): notebooks.notebook_text(notebooks.build_notebook(lesson))
             for assignment, lesson in plan.items()}
    config = root / CONFIG_NAME
    if not config.exists():
        files[config] = config_text(plan, course_id)
    return files


def unmapped(root, lessons=None, named=None) -> dict:
    """``{assignment: lesson}`` of the course's assignments that its existing
    ``nbgrader_config.py`` does not map to their lesson."""
    from .notebooks import notebook_lesson
    from .regrade import course_settings

    mapping = course_settings(Path(root))["lessons"]
    return {a: lesson for a, lesson in assignments(lessons, named).items()
            if notebook_lesson(a, a, mapping) != lesson}


def drift(root, lessons=None, named=None) -> list:
    """The course's source notebooks that differ from what the kit builds (missing ones too)."""
    return [p for p, text in expected_files(root, lessons, named=named).items()
            if p.suffix == ".ipynb" and (not p.is_file() or p.read_text(encoding="utf-8") != text)]


def init_course(root, lessons=None, course_id="grokking", named=None) -> list:
    """Write (or bring up to date) the course folder; returns the files written.

    ``named`` (``{assignment: lesson}``) adds assignments with names of their own."""
    written = []
    for path, text in expected_files(root, lessons, course_id, named).items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# ----------------------------------------------------------------------------- CLI


def _lessons(names):
    for name in names:
        catalogue.lesson(name)  # UnknownLesson says which lessons exist
    return list(names) or None


def _named(pairs) -> dict:
    """``--assignment week2=lesson3`` options as ``{assignment: lesson}``."""
    named = {}
    for pair in pairs:
        assignment, sep, lesson = pair.partition("=")
        if not sep or not assignment.strip() or "/" in assignment:
            raise click.BadParameter("%r: write NAME=LESSON, for example week2=lesson3" % pair,
                                     param_hint="--assignment")
        catalogue.lesson(lesson.strip())
        named[assignment.strip()] = lesson.strip()
    return named


@click.group("course")
def course_group():
    """The course for instructors, as an nbgrader course.

    \b
    grade course init my-course      # config + source/lessonN/lessonN.ipynb
    cd my-course
    nbgrader generate_assignment lesson3
    nbgrader autograde lesson3       # the kit's checks, in its sandbox
    nbgrader generate_feedback lesson3
    grade course regrade lesson3     # after a kit update; manual grades kept

    \b
    Settings in nbgrader_config.py (read by autograde and by regrade):
      configure(c)
          the kit's grading steps; keep this line
      c.KitGrade.lessons = {"week2": "lesson3"}
          the lesson of each assignment or notebook named otherwise; keys: an
          assignment, a notebook (no .ipynb) or "assignment/notebook". A
          notebook of the kit that maps to no lesson fails autograde, saying so
      c.KitGrade.seed = 7
          the seed of the randomized cases (default: the kit's own, the same
          for every student)
      c.KitGrade.secret = open("/path/to/secret").read()
          the course's secret: randomized cases drawn from it, the same for
          every student but unknown to them, and a failing drawn case said
          in words, without its values (default: $GROKKING_SEED_SECRET)
      c.KitGrade.allow_unsealed = True
          grade even where this host cannot seal learners' code (by default
          autograde and regrade refuse)
      c.KitExecute.run_kernel = False
          do not run the learner's cells for their outputs in the feedback
          (grades never depend on them)
      c.KitExecute.cell_timeout = 30
          seconds each cell may run for its outputs
      c.KitExecute.jupyter_kernel = True
          run the cells in nbgrader's Jupyter kernel instead of the kit's
          sealed sandbox (unsealed: for notebooks you trust only)
    """


@course_group.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lesson", "-l", "lessons", multiple=True, help="Only this lesson (repeatable; default: all).")
@click.option("--assignment", "-a", "pairs", multiple=True, metavar="NAME=LESSON",
              help="Lesson LESSON as assignment NAME (source/NAME/NAME.ipynb, mapped in nbgrader_config.py; "
                   "repeatable).")
@click.option("--course-id", default="grokking", show_default=True, help="nbgrader's course id.")
@click.option("--check", is_flag=True, help="Only list the source notebooks that differ from the kit's (exit 1).")
def init_cmd(directory, lessons, pairs, course_id, check):
    """Create an nbgrader course folder (or update its source notebooks)."""
    try:
        chosen = _lessons(lessons)
        named = _named(pairs)
    except catalogue.UnknownLesson as exc:
        raise click.UsageError(str(exc)) from None
    if check:
        stale = drift(directory, chosen, named)
        for path in stale:
            click.echo("out of date: %s" % path)
        sys.exit(1 if stale else 0)
    had_config = (directory / CONFIG_NAME).is_file()
    written = init_course(directory, chosen, course_id, named)
    for path in written:
        click.echo("wrote %s" % path)
    if not written:
        click.echo("%s is up to date" % directory)
    missing = unmapped(directory, chosen, named) if had_config else {}
    if missing:
        click.echo("grade course init: %s does not map %s; add to it:\n    c.KitGrade.lessons.update(%r)" % (
            directory / CONFIG_NAME, ", ".join("%s to %s" % kv for kv in missing.items()), missing), err=True)
    click.echo("Next: cd %s && nbgrader generate_assignment %s" % (
        directory, next(iter(assignments(chosen, named)))))


@course_group.command("regrade")
@click.argument("assignment")
@click.option("--course-dir", "-C", "root", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=Path("."), show_default=True, help="The nbgrader course folder.")
@click.option("--student", "students", multiple=True, help="Only this student (repeatable).")
@click.option("--db", "db_url", default=None, help="nbgrader's database URL (default: gradebook.db in the course folder).")
@click.option("--seed", type=int, default=None, help="Seed of the randomized cases (default: as autograde, "
              "c.KitGrade.seed, else c.KitGrade.secret's, else the kit's own).")
@click.option("--allow-unsealed", is_flag=True, help="Grade even where this host cannot seal learners' code.")
def regrade_cmd(assignment, root, students, db_url, seed, allow_unsealed):
    """Grade the submitted notebooks of ASSIGNMENT again with the kit's engine and write
    the scores into nbgrader's gradebook and the autograded notebooks (after
    `nbgrader autograde ASSIGNMENT`).

    Each exercise's automatic score becomes the kit's score of the same code; manual
    grades and extra credit given in the formgrader are kept, and the line of a
    student whose gradebook total then differs from the kit's score says why. Run
    `nbgrader generate_feedback ASSIGNMENT --force` after it for new feedback.
    """
    from .regrade import regrade
    from ..sandbox import SealUnavailable

    try:
        regrade(root, assignment, students=set(students) or None, db_url=db_url, seed=seed, log=click.echo,
                allow_unsealed=allow_unsealed)
    except SealUnavailable as exc:
        click.echo("grade course regrade: %s" % exc, err=True)
        sys.exit(2)
    except LookupError as exc:  # UnmappedNotebook too
        click.echo("grade course regrade: %s" % (exc.args[0] if exc.args else exc), err=True)
        sys.exit(2)


@course_group.command("code")
@click.argument("notebook", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def code_cmd(notebook):
    """Print the code of a submitted NOTEBOOK as the course grades it (every code cell but
    the test cells), to replay a grade: `grade lessonN --submission FILE --seed N`."""
    import nbformat

    from .regrade import notebook_code

    try:
        nb = nbformat.read(notebook, as_version=4)
        code = notebook_code(nb)
    except Exception as exc:  # noqa: BLE001 - not JSON, not a notebook, a notebook of another shape
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        click.echo("grade course code: %s is not a readable notebook (%s)" % (notebook, first), err=True)
        sys.exit(2)
    click.echo(code, nl=False)
