"""GitHub Classroom: a learners' template repository without the solutions.

``grade classroom TEMPLATE --lesson lesson3 --lesson lesson4 --kit SPEC`` writes the
repository an assignment is made from: the learners' stubs (``exercises/lessonN.py``),
a GitHub Actions workflow, a README and a ``.gitignore``, and nothing else of the kit.
The workflow installs the kit from ``SPEC`` (anything ``pip install`` takes: a release
on an index, a wheel's URL, ``git+https://...`` of the instructor's own repository) and
grades with the reference solutions shipped inside the installed package: the learners'
repository never holds ``solutions/``.

The workflow has two jobs: ``grade`` shows every check of each lesson as a test (JUnit),
``classroom`` gives GitHub Classroom each lesson's points with partial credit (the
``classroom`` format: one test per exercise with the points it earned).

``examples/github-classroom.yml`` is the same workflow for a course repository that is a
copy of the kit (``--kit "-e ."``); a test checks that it is what this module writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import catalogue, reference
from .generate import stub_source

DEFAULT_LESSONS = ("lesson3", "lesson4")

HEADER = """\
# Grade the learner's pushed exercises: every check as a test, the points to GitHub Classroom.
#
# {where}
# On every push that touches exercises/, each lesson of the assignment is graded:
#
#   - grade: report-lessonN.xml (JUnit XML: one test per check, the learner's message on
#     each failure) is uploaded and shown as a check run; the job fails while points are
#     lost (`grade` exits 1) and passes at full marks;
#   - classroom: GitHub Classroom gets each lesson's points with partial credit (9.5/10
#     counts 9.5): `grade lessonN --format classroom` gives one test per exercise with the
#     points it earned, which autograding-grading-reporter adds up.
#
# The randomized cases are the lesson's own: the same code gets the same score here, on
# the learner's machine (`grade lessonN`) and in any other front end of the kit.
#
# Exit status of `grade lessonN`: 0 full marks, 1 points lost, 2 usage error (missing
# file, unknown lesson), 3 the kit itself failed.
"""

WHERE_COPY = """\
Copy this file to .github/workflows/classroom.yml in the course repository (a copy of
# the kit where learners fill in exercises/lessonN.py) and list the assignment's lessons
# under `matrix.lesson` and as steps of the `classroom` job (`grade classroom` writes
# both for you, in a template without the solutions)."""

WHERE_TEMPLATE = """\
Written by `grade classroom` for a learners' template repository: it holds the stubs, not
# the kit. KIT below is where the kit is installed from; the installed kit carries the
# reference solutions the graders use, so the learners' repository never holds them."""

BODY = """\
name: Grade exercises

on:
  push:
    paths: ["exercises/**"]
  workflow_dispatch:

permissions:
  contents: read
  checks: write       # the JUnit report becomes a check run
  actions: read

env:
  KIT: "{kit}"   # what `pip install` installs the kit from

jobs:
  grade:
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    strategy:
      fail-fast: false
      matrix:
        lesson: [{lessons}]   # the lessons of this assignment
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
          cache: pip
      - name: Install the kit
        run: python -m pip install $KIT
      - name: Grade exercises/${{{{ matrix.lesson }}}}.py
        run: grade ${{{{ matrix.lesson }}}} --format junit > report-${{{{ matrix.lesson }}}}.xml
      - name: Upload the report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: report-${{{{ matrix.lesson }}}}
          path: report-${{{{ matrix.lesson }}}}.xml
      - name: Show every check in the run
        if: always()
        uses: mikepenz/action-junit-report@v4
        with:
          report_paths: report-${{{{ matrix.lesson }}}}.xml
          check_name: grade ${{{{ matrix.lesson }}}}
          include_passed: true

  classroom:
    # The reporter writes the points on the check run of this name, where Classroom reads them.
    name: Autograding Tests
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install the kit
        run: python -m pip install $KIT
{steps}
      - name: Report to GitHub Classroom
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
{env}
        with:
          runners: {runners}
"""

STEP = """\
      - name: {lesson}
        id: {lesson}
        # Points lost (exit 1) and a missing file (2) are grades; only the kit failing (3) stops here.
        run: |
          set +e
          grade {lesson} --format classroom > classroom-{lesson}.json
          status=$?
          echo "result=$(base64 -w0 classroom-{lesson}.json)" >> "$GITHUB_OUTPUT"
          test $status -le 2"""

README = """\
# {title}

Your work is in `exercises/`: one file per lesson ({files}). Each function has its
signature, a docstring with the course's example, and a body that raises
`NotImplementedError`. Replace the bodies, commit and push: every push is graded, and
the Actions tab shows each check (what was called, what was expected, what you returned).

Grade on your own machine before you push, with the same checks and the same score:

```
python3 -m venv .venv && . .venv/bin/activate && python -m pip install {kit}
grade {first}              # grade exercises/{first}.py
grade {first} --hint       # a hint for each exercise that loses points
```
"""

GITIGNORE = ".venv/\n__pycache__/\n*.pyc\nreport-*.xml\nclassroom-*.json\nplots/\n"


def workflow(lessons=DEFAULT_LESSONS, kit="-e .", *, template=False) -> str:
    """The GitHub Actions workflow that grades ``lessons``, installing the kit with
    ``pip install KIT``."""
    lessons = [catalogue.lesson(name).name for name in lessons]
    steps = "\n".join(STEP.format(lesson=name) for name in lessons)
    env = "\n".join('          %s_RESULTS: "${{ steps.%s.outputs.result }}"' % (name.upper(), name)
                    for name in lessons)
    where = WHERE_TEMPLATE if template else WHERE_COPY
    return HEADER.format(where=where) + "\n" + BODY.format(
        kit=kit.replace('"', '\\"'), lessons=", ".join(lessons), steps=steps, env=env, runners=",".join(lessons))


def write_template(folder, lessons, kit, *, title="Neural networks from scratch") -> list:
    """Write a learners' template repository into ``folder``; returns the files written."""
    folder = Path(folder)
    lessons = [catalogue.lesson(name).name for name in lessons]
    files = {
        Path(".github/workflows/classroom.yml"): workflow(lessons, kit, template=True),
        Path("README.md"): README.format(title=title, files=", ".join("`%s.py`" % n for n in lessons),
                                          kit=kit, first=lessons[0]),
        Path(".gitignore"): GITIGNORE,
    }
    for name in lessons:
        files[Path("exercises") / ("%s.py" % name)] = stub_source(reference.path(name).read_text(encoding="utf-8"))
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


@click.command("classroom")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lesson", "-l", "lessons", multiple=True, required=True,
              help="A lesson of the assignment (repeat for several).")
@click.option("--kit", required=True,
              help="What the workflow installs the kit from, as `pip install` takes it: a release "
                   "(grokking-autograder==0.1.0), a wheel's URL, or git+https://... of your own copy of the kit.")
@click.option("--title", default="Neural networks from scratch", show_default=True,
              help="The title of the learners' README.")
def command(folder, lessons, kit, title):
    """Write a learners' template repository for GitHub Classroom into FOLDER: the stubs,
    a workflow that grades with partial credit, a README; never the solutions.

    \b
      grade classroom template/ -l lesson3 -l lesson4 --kit "git+https://github.com/you/kit@v1"
    """
    try:
        lessons = [catalogue.lesson(name).name for name in lessons]
    except catalogue.UnknownLesson as exc:
        raise click.UsageError(str(exc)) from None
    if folder.exists() and any(folder.iterdir()):
        click.echo("grade classroom: %s is not empty; give a new folder." % folder, err=True)
        sys.exit(2)
    for path in write_template(folder, lessons, kit, title=title):
        click.echo("wrote %s" % path)
