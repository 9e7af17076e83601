"""The course as an nbgrader course: ``grade course init`` and ``grade course regrade``.

``grade course init DIR`` writes an nbgrader course folder: ``nbgrader_config.py`` (whose
``configure(c)`` line makes ``nbgrader autograde`` grade with the kit's engine, see
:mod:`autograder.regrade`) and ``source/<lesson>/<lesson>.ipynb`` for every lesson of the
kit, built from the solutions and the lessons' metadata (:mod:`autograder.notebooks`).
Run again, it rewrites the notebooks that differ from what the kit builds now.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import course

# nbformat takes seconds to import: the notebook builder is imported when a course
# command runs, never when the `grade` command starts.

CONFIG_NAME = "nbgrader_config.py"

CONFIG_TEXT = '''"""nbgrader configuration of the course (written by `grade course init`).

Keep the configure(c) line: it makes `nbgrader autograde` grade every exercise with the
kit's checks, the learner's code in the kit's sandbox, and write the kit's report and
score into each test cell (see `grade course --help`).
"""
from autograder.regrade import configure

c = get_config()  # noqa: F821  (nbgrader provides it)
c.CourseDirectory.course_id = %(course_id)r
configure(c)
'''


def source_notebook(root: Path, lesson: str) -> Path:
    return Path(root) / "source" / lesson / ("%s.ipynb" % lesson)


def expected_files(root, lessons=None, course_id="grokking") -> dict:
    """``{path: text}`` of what ``grade course init`` writes (the config only if absent)."""
    from . import notebooks

    root = Path(root)
    names = list(lessons) if lessons else list(course.lessons())
    files = {source_notebook(root, name): notebooks.notebook_text(notebooks.build_notebook(name))
             for name in names}
    config = root / CONFIG_NAME
    if not config.exists():
        files[config] = CONFIG_TEXT % {"course_id": course_id}
    return files


def drift(root, lessons=None) -> list:
    """The course's source notebooks that differ from what the kit builds (missing ones too)."""
    return [p for p, text in expected_files(root, lessons).items()
            if p.suffix == ".ipynb" and (not p.is_file() or p.read_text(encoding="utf-8") != text)]


def init_course(root, lessons=None, course_id="grokking") -> list:
    """Write (or bring up to date) the course folder; returns the files written."""
    written = []
    for path, text in expected_files(root, lessons, course_id).items():
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


# ----------------------------------------------------------------------------- CLI


def _lessons(names):
    for name in names:
        course.lesson(name)  # UnknownLesson says which lessons exist
    return list(names) or None


@click.group("course")
def course_group():
    """The course for instructors, as an nbgrader course.

    \b
    grade course init my-course        # nbgrader_config.py + source/lessonN/lessonN.ipynb
    cd my-course
    nbgrader generate_assignment lesson3
    nbgrader autograde lesson3         # scores from the kit's checks, run in its sandbox
    nbgrader generate_feedback lesson3
    """


@course_group.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lesson", "-l", "lessons", multiple=True, help="Only this lesson (repeatable; default: all).")
@click.option("--course-id", default="grokking", show_default=True, help="nbgrader's course id.")
@click.option("--check", is_flag=True, help="Only list the source notebooks that differ from the kit's (exit 1).")
def init_cmd(directory, lessons, course_id, check):
    """Create an nbgrader course folder (or update its source notebooks)."""
    try:
        chosen = _lessons(lessons)
    except course.UnknownLesson as exc:
        raise click.UsageError(str(exc)) from None
    if check:
        stale = drift(directory, chosen)
        for path in stale:
            click.echo("out of date: %s" % path)
        sys.exit(1 if stale else 0)
    written = init_course(directory, chosen, course_id)
    for path in written:
        click.echo("wrote %s" % path)
    if not written:
        click.echo("%s is up to date" % directory)
    click.echo("Next: cd %s && nbgrader generate_assignment %s" % (
        directory, (chosen or list(course.lessons()))[0]))


@course_group.command("regrade")
@click.argument("lesson")
@click.option("--course-dir", "-C", "root", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=Path("."), show_default=True, help="The nbgrader course folder.")
@click.option("--student", "students", multiple=True, help="Only this student (repeatable).")
@click.option("--db", "db_url", default=None, help="nbgrader's database URL (default: gradebook.db in the course folder).")
@click.option("--seed", type=int, default=None, help="Seed of the randomized cases (default: fixed per student).")
@click.option("--allow-unsealed", is_flag=True, help="Grade even where this host cannot seal learners' code.")
def regrade_cmd(lesson, root, students, db_url, seed, allow_unsealed):
    """Grade the submitted notebooks of LESSON again with the kit's engine and write the
    scores into nbgrader's gradebook (after `nbgrader autograde LESSON`)."""
    from .regrade import regrade
    from .sandbox import SealUnavailable

    try:
        course.lesson(lesson)
    except course.UnknownLesson as exc:
        raise click.UsageError(str(exc)) from None
    try:
        regrade(root, lesson, students=set(students) or None, db_url=db_url, seed=seed, log=click.echo,
                allow_unsealed=allow_unsealed)
    except SealUnavailable as exc:
        click.echo("grade course regrade: %s" % exc, err=True)
        sys.exit(2)
    except LookupError as exc:
        click.echo("grade course regrade: %s" % exc, err=True)
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
