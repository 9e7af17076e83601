"""`grade reset`, `grade drill`, `grade history`: practising from memory."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from .. import catalogue

from . import history, practice


@click.command("reset")
@click.argument("lesson")
@click.argument("exercise", required=False)
@click.option("--submission", "-s", type=click.Path(dir_okay=False, path_type=Path),
              help="The file to reset (default: exercises/LESSON.py).")
def reset_cmd(lesson, exercise, submission):
    """Put the blank stub of LESSON (or of one EXERCISE) back, keeping a backup of your file."""
    try:
        catalogue.lesson(lesson)
        saved, path = practice.reset(lesson, exercise, submission)
    except catalogue.UnknownLesson as exc:
        raise click.UsageError(str(exc)) from None
    except KeyError:
        names = ", ".join(e.name for e in catalogue.lesson(lesson).exercises)
        raise click.UsageError("%s has no exercise %r (its exercises: %s)" % (lesson, exercise, names)) from None
    except practice.PracticeError as exc:
        click.echo("grade reset: %s" % exc, err=True)
        sys.exit(1)
    if saved:
        click.echo("Your version is saved as %s" % saved)
    click.echo("%s is blank again in %s: write it from memory, then `grade %s`."
               % (exercise or "every exercise", path, lesson))


@click.command("drill")
@click.option("--lesson", help="Drill an exercise of this lesson only.")
@click.option("--check", "check_", is_flag=True, help="Grade the drill in progress.")
@click.option("--watch", "watch_", is_flag=True, help="Grade the drill at every save of its file until "
              "Ctrl-C (with --check: the drill in progress, else a new one).")
@click.option("--hint", "hints", type=int, is_flag=False, flag_value=1, default=0, metavar="[N]",
              help="With --check: a hint when the drill loses points (the next one each time you ask).")
@click.option("--folder", type=click.Path(file_okay=False, path_type=Path), default=Path("drill"),
              show_default=True, help="Where drill files are written.")
@click.option("--max-rounds", type=int, default=None, hidden=True)  # --watch: stop after N gradings
def drill_cmd(lesson, check_, watch_, hints, folder, max_rounds):
    """Rewrite from memory the exercise you passed longest ago."""
    from ..cli import EXIT_FULL, EXIT_LOST
    from ..grading.engine import grade
    from .report import render

    if lesson is not None:
        try:
            catalogue.lesson(lesson)
        except catalogue.UnknownLesson as exc:
            raise click.UsageError(str(exc)) from None
    if check_:
        current = practice.current_drill()
        if not current or not Path(current["path"]).is_file():
            raise click.UsageError("no drill in progress: `grade drill` starts one")
        name, exercise, path = current["lesson"], current["exercise"], Path(current["path"])
    else:
        picked = practice.pick_drill(lesson)
        if picked is None:
            raise click.UsageError("no exercise passed yet%s: grade a lesson first, then drill what you passed"
                                   % (" in %s" % lesson if lesson else ""))
        name, exercise = picked
        path = practice.start_drill(name, exercise, folder, Path("exercises") / ("%s.py" % name))
        click.echo("Drill: write %s (%s) from memory in %s" % (exercise, name, path))
        if not watch_:
            click.echo("then run `grade drill --check` (or `grade drill --check --watch`).")
            return
    if watch_:
        from .watch import watch

        # Every graded save is a try of the drill, as every `grade drill --check` is.
        sys.exit(watch(name, path, exercises=[exercise], max_rounds=max_rounds,
                       on_result=lambda result: history.record(result, source="drill")))
    result = grade(name, path, exercises=[exercise])
    history.record(result, source="drill")
    if hints:
        from . import hints as hint_levels

        hints = hint_levels.next_levels(result, hints)
    click.echo(render(result, hints=hints, hint_command="grade drill --check --hint"), nl=False)
    sys.exit(EXIT_FULL if result.full_marks else EXIT_LOST)


@click.command("history")
@click.option("--clear", is_flag=True, help="Delete the history of attempts.")
def history_cmd(clear):
    """Your attempts: tries per exercise, first-try passes, last pass."""
    if clear:
        click.echo("History deleted." if history.clear() else "There was no history.")
        return
    rows = history.summary()
    if not rows:
        click.echo("No attempts recorded yet (they are kept in %s)." % history.path())
        return
    click.echo("%-9s %-24s %5s  %-10s %s" % ("lesson", "exercise", "tries", "first try", "last passed"))
    for h in rows:
        first = "yes" if h.first_try else ("no" if h.tries_to_pass else "-")
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(h.last_passed)) if h.last_passed else "not yet"
        click.echo("%-9s %-24s %5d  %-10s %s" % (h.lesson, h.exercise[:24], h.tries, first, when))


COMMANDS = (reset_cmd, drill_cmd, history_cmd)
