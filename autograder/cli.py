"""The ``grade`` command: a thin layer over the kit's plain functions.

``grade lessonN`` grades ``exercises/lessonN.py``; other subcommands are listed by
``grade --help``. Exit status: 0 full marks, 1 points lost, 2 usage error (unknown
lesson, missing file, bad option), 3 the kit itself failed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from . import __version__, catalogue

EXIT_FULL, EXIT_LOST, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


# Commands kept in modules of their own, imported only when used (or listed by --help), so
# that `grade lessonN` starts without them: name -> (module, attribute).
LAZY_COMMANDS = {
    "batch": ("ci.batch", "command"),
    "gradescope": ("ci.gradescope", "command"),
    "reset": ("learner.practice_commands", "reset_cmd"),
    "drill": ("learner.practice_commands", "drill_cmd"),
    "history": ("learner.practice_commands", "history_cmd"),
    "course": ("instructor.nbgrader_course", "course_group"),
    "classroom": ("instructor.classroom", "command"),
    "data": ("data.mnist", "data_group"),
    "gallery": ("learner.gallery", "command"),
}


class CourseGroup(click.Group):
    """A group whose commands also include one per lesson (``grade lesson4``)."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS)) + list(catalogue.lessons())

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is not None:
            return command
        if name in LAZY_COMMANDS:
            import importlib

            module, attribute = LAZY_COMMANDS[name]
            return getattr(importlib.import_module("%s.%s" % (__package__, module)), attribute)
        if name in catalogue.lessons():
            return _lesson_command(name)
        return None

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError:
            name = args[0] if args else ""
            if name and not name.startswith("-") and name not in self.commands and name not in LAZY_COMMANDS:
                raise click.UsageError(str(catalogue.UnknownLesson(name, list(catalogue.lessons())))) from None
            raise

    def format_commands(self, ctx, formatter):
        super().format_commands(ctx, formatter)


def _lesson_command(name):
    lesson = catalogue.lesson(name)

    @click.command(name=name, help="Grade %s (%s): exercises/%s.py by default." % (name, lesson.title, name))
    @click.option("--submission", "-s", type=click.Path(dir_okay=False, path_type=Path),
                  help="The file to grade (default: exercises/%s.py)." % name)
    @click.option("--format", "fmt", type=click.Choice(["table", "json", "junit", "gradescope", "classroom"]),
                  default="table", show_default=True, help="table for people, json for machines (exactly one JSON "
                  "object on stdout), junit for CI (JUnit XML), gradescope for Gradescope's results.json, "
                  "classroom for GitHub Classroom's reporter (points per exercise).")
    @click.option("--hint", "hints", type=int, is_flag=False, flag_value=1, default=0, metavar="[N]",
                  help="Show a hint for each exercise that lost points (the next one each time you ask); "
                  "--hint 2 shows at least two per exercise, and so on.")
    @click.option("--seed", type=int, default=None, help="Draw other randomized cases, to explore (default: the lesson's "
                  "own, the same at every run, so the same code always gets the same score; drawn from the course's "
                  "secret when $GROKKING_SEED_SECRET is set).")
    @click.option("--verbose", "-v", is_flag=True, help="Explain every failing check, not only the one that best shows the cause "
                  "in each exercise.")
    @_replay_option(lesson)
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="A folder of the MNIST IDX files (gzipped or not); the same as GROKKING_DATA_DIR.")
    @click.option("--watch", is_flag=True, help="Grade again every time the file is saved; show the first "
                  "exercise to fix and its hint (Ctrl-C stops).")
    @click.option("--plot", is_flag=True, help="Also save pictures of your training curves over the reference "
                  "solution's (in plots/) and print where.")
    @click.option("--max-rounds", type=int, default=None, hidden=True)  # --watch: stop after N gradings
    @click.pass_context
    def command(ctx, submission, fmt, hints, seed, verbose, data_dir, watch, plot, max_rounds, replay=False):
        if data_dir is not None:
            os.environ["GROKKING_DATA_DIR"] = str(data_dir)
        if replay:
            sys.exit(run_replay(name, submission))
        if watch or (ctx.parent is not None and ctx.parent.params.get("watch")):
            sys.exit(run_watch(name, submission, seed=seed, max_rounds=max_rounds))
        from . import prestart

        prestart.start()  # the learner's worker imports NumPy while this process imports the graders
        code = run_lesson(name, submission, fmt=fmt, hints=hints, seed=seed, verbose=verbose)
        if plot and code in (EXIT_FULL, EXIT_LOST):
            code = run_plots(name, submission, code, err=fmt != "table")
        sys.exit(code)

    return command


def _replay_option(lesson):
    """``--replay`` for the lessons whose printed MNIST runs can be replayed (``replay = true``
    in the lesson's metadata), and for no other."""
    if not lesson.data.get("replay"):
        return lambda command: command
    return click.option("--replay", is_flag=True, help="Replay the course's printed MNIST runs of %s with your "
                        "functions, beside the figures the course printed." % lesson.name)


def run_watch(name, submission=None, *, seed=None, max_rounds=None):
    """``grade lessonN --watch``: grade at every save until Ctrl-C; the last exit status."""
    from .learner.watch import watch

    submission = Path(submission) if submission else Path("exercises") / ("%s.py" % name)
    if not submission.is_file():
        click.echo("grade: %s not found. Run grade from the kit's folder, or give the file with "
                   "--submission PATH." % submission, err=True)
        return EXIT_USAGE
    return watch(name, submission, seed=seed, max_rounds=max_rounds)


def run_plots(name, submission, code, *, err=False):
    """``grade lessonN --plot``: save the lesson's training curves and say where."""
    from .learner import plots

    submission = Path(submission) if submission else Path("exercises") / ("%s.py" % name)
    try:
        made = plots.make_plots(name, submission, Path("plots"))
    except OSError as exc:
        click.echo("grade: could not save the plots: %s" % exc, err=True)
        return EXIT_INTERNAL
    click.echo(("" if err else "\n") + plots.describe(made, name), nl=False, err=err)
    return code


def run_status(folder=Path("exercises")):
    """``grade status``: every lesson graded now; 0 when all are complete, else 1."""
    from .learner import status

    text, code = status.run(folder)
    click.echo(text, nl=False)
    return code


def run_replay(name, submission=None, *, echo=click.echo):
    """Replay the course's MNIST runs of a lesson with the learner's file; the exit status."""
    from .learner import replay

    submission = Path(submission) if submission else Path("exercises") / ("%s.py" % name)
    return replay.replay(name, submission, echo=echo, progress=sys.stderr.isatty())


def run_lesson(name, submission=None, *, fmt="table", hints=0, seed=None, verbose=False, echo=click.echo):
    """Grade one lesson and print the report; returns the exit status."""
    from .grading.engine import GraderBroken, SealUnavailable, SubmissionMissing, grade
    from .learner.report import render
    from .ci import formats
    from .learner import history  # noqa: F401  (everything this process runs is loaded before any learner's code)

    own_file = submission is None  # the learner's exercises/ file: its attempts go to the history
    submission = Path(submission) if submission else Path("exercises") / ("%s.py" % name)
    started = time.monotonic()
    try:
        result = grade(name, submission, seed=seed)
    except SubmissionMissing:
        message = ("%s not found. Run grade from the kit's folder, or give the file with --submission PATH."
                   % submission)
        click.echo("grade: " + message, err=True)
        if fmt != "table":  # a CI job still gets a whole report to read: every exercise, 0 points
            from .grading.results import ungraded

            _echo_format(ungraded(catalogue.lesson(name), submission, message), fmt, time.monotonic() - started, echo)
        return EXIT_USAGE
    except GraderBroken as exc:
        click.echo("grade: internal error: %s" % exc, err=True)
        return EXIT_INTERNAL
    except SealUnavailable as exc:
        click.echo("grade: %s" % exc, err=True)
        return EXIT_USAGE
    except KeyboardInterrupt:
        click.echo("grade: interrupted", err=True)
        return 130

    if own_file:
        history.record(result)
        if hints and fmt == "table":  # progressive: one more hint per exercise each time it is asked
            from .learner import hints as hint_levels

            hints = hint_levels.next_levels(result, hints)
    if fmt == "table":
        echo(render(result, hints=hints, verbose=verbose), nl=False)
    else:
        _echo_format(result, fmt, time.monotonic() - started, echo)
    return EXIT_FULL if result.full_marks else EXIT_LOST


def _echo_format(result, fmt, seconds, echo):
    """``result`` in a format for machines (json, junit, gradescope, classroom)."""
    if fmt == "json":
        echo(json.dumps(result.to_json()))
    else:
        from .ci.formats import render as render_format

        echo(render_format(result, fmt, seconds=seconds), nl=False)


@click.group(cls=CourseGroup, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
@click.version_option(__version__, prog_name="grade")
@click.option("--watch", is_flag=True, help="With a lesson, grade it again at every save: grade --watch lesson4.")
@click.pass_context
def main(ctx, watch):
    """Grade your neural-network exercises: `grade lesson4` checks exercises/lesson4.py;
    `grade` alone shows your progress in every lesson.

    Exit status: 0 full marks, 1 points lost, 2 usage error, 3 internal error.
    """
    if ctx.invoked_subcommand is None:
        if watch:
            raise click.UsageError("name the lesson to watch: grade --watch lesson4")
        sys.exit(run_status())


@main.command("status")
@click.option("--folder", type=click.Path(file_okay=False, path_type=Path), default=Path("exercises"),
              show_default=True, help="The folder of your lessonN.py files.")
def status_cmd(folder):
    """Every lesson, graded now: exercises done, points, the next exercise to do."""
    sys.exit(run_status(folder))


@main.command("list")
@click.argument("lesson", required=False)
@click.option("--mistakes", is_flag=True, help="Also list the known mistakes of each exercise, as the report "
              "names them.")
def list_lessons(lesson, mistakes):
    """List the lessons and their exercises (of LESSON only, when given)."""
    import textwrap

    try:
        chosen = [catalogue.lesson(lesson)] if lesson else list(catalogue.lessons().values())
    except catalogue.UnknownLesson as exc:
        raise click.UsageError(str(exc)) from None
    if mistakes:
        from .misconceptions import for_lesson
    for meta in chosen:
        click.echo("%-9s %s (%d points)" % (meta.name, meta.title, meta.max_score))
        for e in meta.exercises:
            line = "    %-28s %2d  %s" % (e.name, e.points, e.signature)
            if len(line) > 80:  # the signature on lines of its own
                line = "\n".join(["    %-28s %2d" % (e.name, e.points)] + textwrap.wrap(
                    e.signature, 80, initial_indent="        ", subsequent_indent="            "))
            click.echo(line)
            if mistakes:
                for item in (m for m in for_lesson(meta.name) if m.exercise == e.name):
                    click.echo("\n".join(textwrap.wrap(item.when, 72, initial_indent="      - ",
                                                        subsequent_indent="        ")))


@main.command("doctor")
def doctor_cmd():
    """Say what isolation learners' code gets on this host, and how to get more.

    Exit status: 0 sealed, 1 process limits only."""
    import platform

    from .sandbox import policy, probe, seal

    click.echo("host: %s %s, Python %s, running as uid %d" % (
        platform.system(), platform.release(), platform.python_version(), os.geteuid()))
    click.echo("policy: GROKKING_SEAL=%s; learners' uid/gid when the grader is root: %d/%d; scratch %d MB" % (
        policy.seal, policy.uid, policy.gid, policy.scratch_mb))
    reason = seal.supported()
    isolation = probe() if not reason else "process only: %s" % reason
    click.echo("learners' code runs %s" % isolation)
    if isolation.startswith("sealed"):
        click.echo("It sees Python's standard library, NumPy and the system's shared libraries, read-only, and its "
                   "own scratch /tmp; not the kit, the reference solutions, other submissions, results, the "
                   "network or other processes. Every process it starts is killed before results are written.")
        sys.exit(0)
    click.echo("Only the process limits hold (time, memory, a separate process): fine for your own code; "
               "grade others' code (batch, Gradescope, nbgrader) on a host that can seal, or with "
               "--allow-unsealed in a disposable container.")
    sys.exit(1)


@main.command("generate")
@click.option("--check", is_flag=True, help="Only report stubs that differ from what would be generated (exit 1).")
def generate_cmd(check):
    """Write the learner stubs in exercises/ from the solutions in solutions/."""
    from .instructor import generate

    if check:
        stale = generate.drift()
        for path in stale:
            click.echo("out of date: %s" % path)
        sys.exit(1 if stale else 0)
    for path in generate.write_stubs():
        click.echo("wrote %s" % path)


if __name__ == "__main__":  # pragma: no cover
    main()
