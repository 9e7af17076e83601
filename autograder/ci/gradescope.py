"""A Gradescope autograder for a lesson: the bundle, and what runs inside it.

``grade gradescope lesson3 -o lesson3-autograder.zip`` writes the zip to upload as a
Gradescope programming assignment's autograder. It holds:

- ``setup.sh``: run once when Gradescope builds the image; installs the kit (with its
  reference solutions) in ``/autograder/venv``;
- ``run_autograder``: run for every submission; grades
  ``/autograder/submission/lesson3.py`` (or the notebook ``lesson3.ipynb``, its code as
  ``grade course code`` extracts it) and writes ``/autograder/results/results.json``;
- ``config.json``: the lessons and the visibility of the results;
- ``kit/``: the kit itself;
- ``secret`` (with ``--secret-file``): the course's secret, which the randomized cases are
  drawn from (see :mod:`autograder.grading.secret`). Only the grader reads it: learners'
  code runs sealed, in a file system that has no ``/autograder`` (and setup.sh makes the
  file readable by root alone).

Inside the bundle, ``python -m autograder.ci.gradescope run`` does the grading. The root
``/autograder`` can be moved with the environment variable ``AUTOGRADER_ROOT`` (and the
Python that grades with ``AUTOGRADER_PYTHON``), to try a bundle on any machine.

Exit status of ``grade gradescope``: 0 the bundle was written, 2 usage error. Exit status
of ``run_autograder``: 0 results.json was written with a grade (whatever the score, also
when the submission is missing or cannot be run), 3 the kit itself failed (results.json
then says so, with a score of 0).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .. import catalogue, reference

SECRET_NAME = "secret"  # the course's secret, in the zip beside config.json
PACKAGE = Path(__file__).resolve().parents[1]  # the autograder package
REPO = PACKAGE.parent
EXIT_OK, EXIT_USAGE, EXIT_INTERNAL = 0, 2, 3

SETUP_SH = r"""#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image.
# It installs the grading kit (and its reference solutions) in $ROOT/venv.
set -euo pipefail
SOURCE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${AUTOGRADER_ROOT:-/autograder}"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

PYTHON="$(find_python || true)"
if [ -z "$PYTHON" ]; then  # the kit needs Python 3.11 or newer
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y python3.11 python3.11-venv
  PYTHON=python3.11
fi
if ! "$PYTHON" -m venv "$ROOT/venv"; then  # Debian and Ubuntu ship venv separately
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$("$PYTHON" -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')"
  "$PYTHON" -m venv "$ROOT/venv"
fi
"$ROOT/venv/bin/python" -m pip install --quiet --upgrade pip
"$ROOT/venv/bin/python" -m pip install --quiet "$SOURCE/kit"
"$ROOT/venv/bin/python" -m autograder.ci.gradescope check --config "$SOURCE/config.json"
if [ -f "$SOURCE/secret" ]; then chmod 600 "$SOURCE/secret"; fi  # the course's secret: the grader's alone
"""

RUN_AUTOGRADER = r"""#!/usr/bin/env bash
# Gradescope runs this for every submission: grade it, write results/results.json.
ROOT="${AUTOGRADER_ROOT:-/autograder}"
PYTHON="${AUTOGRADER_PYTHON:-$ROOT/venv/bin/python}"
mkdir -p "$ROOT/results"
cd "$ROOT"
exec "$PYTHON" -m autograder.ci.gradescope run --config "$ROOT/source/config.json" \
  --submission "$ROOT/submission" --results "$ROOT/results/results.json"
"""

README = """Gradescope autograder for {lessons}.

Upload this zip as the autograder of a Gradescope programming assignment (Python
3.11+ is installed by setup.sh when the image lacks it). Students submit {files}
(or the course's notebooks, {notebooks}: their code is graded as `grade course code`
extracts it).

Try it on your own machine (no Gradescope needed):

    mkdir -p /tmp/ag/source /tmp/ag/submission && unzip -o THIS.zip -d /tmp/ag/source
    cp lesson-file.py /tmp/ag/submission/
    AUTOGRADER_ROOT=/tmp/ag bash /tmp/ag/source/setup.sh
    AUTOGRADER_ROOT=/tmp/ag bash /tmp/ag/source/run_autograder
    cat /tmp/ag/results/results.json
"""


# --------------------------------------------------------------------------- bundle


def _kit_files(lessons):
    """``(name in the bundle, bytes)`` of the kit: its package, the reference solutions of
    ``lessons`` (no other lesson's answers travel) and its project file."""
    files = []
    solutions = reference.solutions_dir()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if not path.is_file() or "__pycache__" in relative.parts or path.suffix in (".pyc", ".pyo"):
            continue
        if relative.parts[0] == "_solutions":  # an installed kit's copy: shipped as kit/solutions below
            continue
        files.append(("kit/autograder/%s" % relative.as_posix(), path.read_bytes()))
    for path in sorted(solutions / ("%s.py" % name) for name in lessons):
        files.append(("kit/solutions/%s" % path.name, path.read_bytes()))
    project = REPO / "pyproject.toml"
    if project.is_file() and (REPO / "solutions").is_dir():
        files.append(("kit/pyproject.toml", project.read_bytes()))
        for source in _forced_includes(project):  # data folders the wheel carries
            if source == "solutions":
                continue
            base = REPO / source
            paths = [base] if base.is_file() else sorted(q for q in base.rglob("*") if q.is_file())
            for path in paths:
                if "__pycache__" not in path.parts:
                    files.append(("kit/%s" % path.relative_to(REPO).as_posix(), path.read_bytes()))
        readme = REPO / "README.md"
        files.append(("kit/README.md", readme.read_bytes() if readme.is_file() else b"Grading kit.\n"))
    else:
        files.append(("kit/pyproject.toml", _pyproject().encode()))
        files.append(("kit/README.md", b"Grading kit.\n"))
    return files


def _forced_includes(project):
    """The paths the project file copies into the wheel (``force-include``)."""
    import tomllib

    with open(project, "rb") as f:
        data = tomllib.load(f)
    wheel = data.get("tool", {}).get("hatch", {}).get("build", {}).get("targets", {}).get("wheel", {})
    return list(wheel.get("force-include", {}))


def _pyproject():
    """A project file for an installed kit (no checkout at hand)."""
    import importlib.metadata

    try:
        meta = importlib.metadata.metadata("grokking-autograder")
        requires = importlib.metadata.requires("grokking-autograder") or []
        version = meta["Version"]
    except importlib.metadata.PackageNotFoundError:
        requires, version = ["numpy>=1.24", "pytest>=7.4", "click>=8.1", "tqdm>=4.60", "platformdirs>=3"], "0"
    requires = [r for r in requires if "extra ==" not in r]
    return "\n".join([
        "[build-system]",
        'requires = ["hatchling>=1.20"]',
        'build-backend = "hatchling.build"',
        "",
        "[project]",
        'name = "grokking-autograder"',
        'version = "%s"' % version,
        'requires-python = ">=3.11"',
        "dependencies = %s" % json.dumps(requires),
        "",
        "[tool.hatch.build.targets.wheel]",
        'packages = ["autograder"]',
        "",
        "[tool.hatch.build.targets.wheel.force-include]",
        '"solutions" = "autograder/_solutions"',
        "",
    ])


def build_bundle(lessons, output, *, visibility="visible", allow_unsealed=False, secret=None) -> Path:
    """Write the Gradescope autograder zip for ``lessons`` to ``output``; returns its path.
    With ``secret`` (the course's secret, as text), the zip carries it as ``secret``."""
    import io
    import zipfile

    from .formats import VISIBILITIES

    lessons = [catalogue.lesson(name).name for name in dict.fromkeys(lessons)]
    if not lessons:
        raise ValueError("name at least one lesson")
    if visibility not in VISIBILITIES:
        raise ValueError("visibility must be one of %s" % ", ".join(VISIBILITIES))
    config = {"lessons": lessons, "files": {name: "%s.py" % name for name in lessons}, "visibility": visibility,
              "allow_unsealed": bool(allow_unsealed)}
    if secret:
        config["secret_file"] = SECRET_NAME
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        _add(bundle, "setup.sh", SETUP_SH.encode(), executable=True)
        _add(bundle, "run_autograder", RUN_AUTOGRADER.encode(), executable=True)
        _add(bundle, "config.json", (json.dumps(config, indent=1) + "\n").encode())
        _add(bundle, "README.txt", README.format(lessons=", ".join(lessons),
                                                 files=", ".join(config["files"].values()),
                                                 notebooks=", ".join("%s.ipynb" % n for n in lessons)).encode())
        for name, data in _kit_files(lessons):
            _add(bundle, name, data)
        if secret:
            _add(bundle, SECRET_NAME, (secret + "\n").encode(), mode=0o600)
    output.write_bytes(buffer.getvalue())
    return output


def _add(bundle, name, data, executable=False, mode=None):
    import zipfile

    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = ((mode or (0o755 if executable else 0o644)) | 0o100000) << 16
    bundle.writestr(info, data)


# ------------------------------------------------------------------------------ run


def find_file(submission_dir, filename):
    """The learner's file in what they uploaded: ``filename`` (``lessonN.py``) anywhere in
    the folder, else the course's notebook of the same name (``lessonN.ipynb``), else the
    only Python file there, else the only notebook."""
    folder = Path(submission_dir)
    if not folder.is_dir():
        return None
    for name in (filename, Path(filename).stem + ".ipynb"):
        exact = sorted(folder.rglob(name), key=lambda p: (len(p.parts), str(p)))
        if exact:
            return exact[0]
    for pattern in ("*.py", "*.ipynb"):
        found = [p for p in folder.rglob(pattern) if not {"__MACOSX", ".ipynb_checkpoints"} & set(p.parts)]
        if len(found) == 1:
            return found[0]
    return None


class UnreadableNotebook(ValueError):
    """An uploaded ``.ipynb`` that is not a notebook."""


def grade_file(lesson, file, seed=None):
    """Grade a learner's ``.py`` file, or a notebook's code as ``grade course code``
    extracts it (messages then give lines of the notebook's cells)."""
    from ..grading.engine import grade

    if file.suffix != ".ipynb":
        return grade(lesson, file, seed=seed)
    import nbformat

    from ..instructor.notebooks import grade_code, notebook_code

    try:
        nb = nbformat.read(file, as_version=4)
    except Exception as exc:  # noqa: BLE001  (not JSON, not a notebook, not UTF-8...)
        raise UnreadableNotebook("%s is not a notebook Jupyter can open (%s): upload the notebook as "
                                 "Jupyter saved it, or your %s.py file." % (file.name, type(exc).__name__,
                                                                            lesson)) from None
    return grade_code(lesson, notebook_code(nb), seed=seed)


def run(config_path, submission_dir, results_path, *, secret_file=None, echo=print) -> int:
    """Grade a Gradescope submission and write ``results.json``; returns the exit status.
    The course's secret is read from ``secret_file``, else from the file the config names
    (beside it), else from ``$GROKKING_SEED_SECRET``."""
    from .formats import error_results, gradescope_results, summary_line
    from ..grading.engine import GraderBroken
    from ..grading.results import ungraded
    from ..grading.secret import SecretError, lesson_seed
    from ..grading.secret import read as read_secret
    from ..sandbox import SealUnavailable, configure

    started = time.monotonic()
    config = json.loads(Path(config_path).read_text(encoding="utf-8"))
    visibility = config.get("visibility", "visible")
    results_path = Path(results_path)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    graded, missing, notes = [], [], []
    status = EXIT_OK
    configure(require=True, allow_unsealed=bool(config.get("allow_unsealed")))
    if secret_file is None and config.get("secret_file"):
        secret_file = Path(config_path).parent / config["secret_file"]
    try:
        secret = read_secret(secret_file)
    except SecretError as exc:  # the bundle is broken, not the submission
        echo("internal error: %s" % exc)
        results_path.write_text(json.dumps(error_results(
            "The autograder itself failed (not your fault): please tell your instructor.", visibility=visibility),
            indent=1), encoding="utf-8")
        return EXIT_INTERNAL
    for lesson in config["lessons"]:
        seed = lesson_seed(catalogue.lesson(lesson), secret)
        filename = config.get("files", {}).get(lesson, "%s.py" % lesson)
        file = find_file(submission_dir, filename)
        if file is None:  # graded as 0 on every exercise, so that the report is whole
            missing.append(filename)
            graded.append(ungraded(catalogue.lesson(lesson), filename, "No %s in your submission." % filename,
                                   seed=seed))
            continue
        try:
            result = grade_file(lesson, file, seed)
        except UnreadableNotebook as exc:
            notes.append(str(exc))
            graded.append(ungraded(catalogue.lesson(lesson), file.name, str(exc), seed=seed))
            continue
        except (GraderBroken, SealUnavailable) as exc:
            echo("internal error: %s" % exc)
            data = error_results("The autograder itself failed on %s (not your fault): please tell your "
                                 "instructor." % lesson, visibility=visibility)
            results_path.write_text(json.dumps(data, indent=1), encoding="utf-8")
            return EXIT_INTERNAL
        echo("learners' code ran %s" % result.isolation)
        result.submission = file.name
        echo(summary_line(result))
        graded.append(result)
    data = gradescope_results(graded, visibility=visibility, execution_time=time.monotonic() - started)
    if missing:
        found = sorted(p.relative_to(submission_dir).as_posix() for p in Path(submission_dir).rglob("*")
                       if p.is_file()) if Path(submission_dir).is_dir() else []
        notes.append("No %s in your submission (it holds: %s). Upload your exercises/%s file (or the course's "
                     "notebook %s)." % (" or ".join(missing), ", ".join(found[:20]) or "no file", missing[0],
                                        Path(missing[0]).stem + ".ipynb"))
    for note in reversed(notes):
        data["output"] = (note + "\n" + data["output"]).strip()
        echo(note)
    results_path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    echo("score %s written to %s" % (data["score"], results_path))
    return status


def main(argv=None):
    """``python -m autograder.ci.gradescope run|check``: what the bundle's scripts call."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m autograder.ci.gradescope")
    sub = parser.add_subparsers(dest="op", required=True)
    run_p = sub.add_parser("run", help="grade one Gradescope submission")
    run_p.add_argument("--config", required=True)
    run_p.add_argument("--submission", required=True, help="the folder of the learner's upload")
    run_p.add_argument("--results", required=True, help="where to write results.json")
    run_p.add_argument("--secret-file", default=None, help="the course's secret (default: the bundle's, else "
                                                           "$GROKKING_SEED_SECRET)")
    check_p = sub.add_parser("check", help="check that the installed kit grades the bundle's lessons")
    check_p.add_argument("--config", required=True)
    args = parser.parse_args(argv)
    if args.op == "check":
        config = json.loads(Path(args.config).read_text(encoding="utf-8"))
        for lesson in config["lessons"]:
            catalogue.lesson(lesson)
            reference.load(lesson)
        print("the kit grades %s" % ", ".join(config["lessons"]))
        return EXIT_OK
    return run(args.config, args.submission, args.results, secret_file=args.secret_file)


# ----------------------------------------------------------------------------- CLI


@click.command("gradescope")
@click.argument("lessons", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the zip (default: LESSON-autograder.zip).")
@click.option("--visibility", type=click.Choice(["visible", "after_published", "after_due_date", "hidden"]),
              default="visible", show_default=True, help="When students see each check's result.")
@click.option("--allow-unsealed", is_flag=True, help="Let the autograder grade where the container cannot seal "
              "learners' code (no namespaces): it then refuses nothing, and says so in its log.")
@click.option("--secret-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Put the course's secret in the zip (default: $GROKKING_SEED_SECRET, if set): randomized cases "
                   "drawn from it, the same for every student but unknown to them; results say a failing drawn "
                   "case in words only.")
def command(lessons, output, visibility, allow_unsealed, secret_file):
    """Build a Gradescope autograder (a zip to upload) for one or more lessons.

    Students then submit lessonN.py, or the course's notebook lessonN.ipynb; each
    check becomes one Gradescope test.
    Exit status: 0 the zip was written, 2 usage error.
    """
    from ..grading.secret import SecretError
    from ..grading.secret import read as read_secret

    try:
        output = output or Path("%s-autograder.zip" % "-".join(lessons))
        secret = read_secret(secret_file)
        path = build_bundle(lessons, output, visibility=visibility, allow_unsealed=allow_unsealed, secret=secret)
    except (catalogue.UnknownLesson, SecretError) as exc:
        click.echo("grade gradescope: %s" % exc.args[0], err=True)
        sys.exit(EXIT_USAGE)
    if secret and allow_unsealed:
        click.echo("grade gradescope: warning: with --allow-unsealed, learners' code may run unsealed and could "
                   "then read the zip's secret file", err=True)
    click.echo("wrote %s: upload it as the assignment's autograder; students submit %s (or %s)." % (
        path, ", ".join("%s.py" % name for name in dict.fromkeys(lessons)),
        ", ".join("%s.ipynb" % name for name in dict.fromkeys(lessons))))


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    sys.exit(main())
