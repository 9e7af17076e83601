"""The course's secret: randomized cases the whole class shares but no learner can see.

Real grading throughout (the engine, batch, the Gradescope run, nbgrader's feedback
text): a secret keeps a score a function of the code, changes the draws, defeats a file
that hard-codes the draws a report showed, never appears in any output with the drawn
values or the seed, and never reaches the learner's process.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from fractions import Fraction

import pytest

from autograder import catalogue
from autograder.ci import formats, gradescope
from autograder.grading import secret as secret_mod
from autograder.grading.engine import grade
from autograder.grading.results import CheckRecord
from autograder.learner import report
from autograder.sandbox import Sandbox
from conftest import ROOT, solution_text, with_override

LESSON = "lesson3"
SECRET = "correct-horse-battery-staple-7f3a"
OTHER_SECRET = "another-course-entirely-91c2"
WRONG = ROOT / "tests" / "variants" / LESSON / "wrong" / "ele_mul_adds.py"

# A file that shows what it was given in every way a report could carry it: what it
# prints, its exception's text and type name, and an answer that is wrong but for a while
# close to its input.
LEAKY = with_override(LESSON, '''
import numpy as _np

def ele_mul(number, vector):
    print("number", repr(number), "vector", _np.asarray(vector).tolist())
    return [number + float(v) for v in vector]

def neural_network(input, weight):
    raise type("Leak_%d" % abs(int(input * 1e6)), (ValueError,), {})("input was %r" % input)
''')


def _drawn(seed):
    return secret_mod.derive(SECRET, LESSON) if seed is None else seed


def _grade(tmp_path, text, *, seed=None, exercises=None, name="lesson3.py"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return grade(LESSON, path, seed=seed, exercises=exercises)


def _randomized(result):
    return {c.name: c for c in result.checks if c.source == "randomized case"}


@pytest.fixture
def hidden(monkeypatch):
    """What every drawn check of the runs in this process held before it was hidden: its
    call, expected and returned values as the report would have shown them."""
    seen = []
    original = CheckRecord.hide_case

    def spy(record):
        seen.append(" ".join([record.call, record.expected, record.got, record.output]
                             + [repr(args) for _, args, _ in record.calls]))
        original(record)

    monkeypatch.setattr(CheckRecord, "hide_case", spy)
    return seen


def _numbers(texts):
    """The drawn numbers in ``texts``: floats with five decimals or more (a course's own
    numbers have fewer), as their first seven characters."""
    return {m.group(0)[:7] for text in texts for m in re.finditer(r"\d\.\d{5,}", text)}


def _assert_nothing_drawn(outputs, drawn, seed):
    everything = "\n".join(outputs)
    assert SECRET not in everything
    assert str(seed.value) not in everything
    assert str(seed.value)[:12] not in everything
    leaked = sorted(n for n in drawn if n in everything)
    assert not leaked, leaked


# -------------------------------------------------------------------------- (a)


def test_the_same_file_gets_the_same_score_with_the_same_secret(tmp_path):
    text = WRONG.read_text()
    first = _grade(tmp_path, text, seed=secret_mod.derive(SECRET, LESSON))
    again = _grade(tmp_path, text, seed=secret_mod.derive(SECRET, LESSON))
    assert first.score == again.score < first.max_score
    assert [c.status for c in first.checks] == [c.status for c in again.checks]
    assert [c.message for c in first.checks] == [c.message for c in again.checks]


def test_batch_and_gradescope_agree_under_the_secret(tmp_path):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET + "\n")
    for student in ("ann", "bob"):
        (tmp_path / "subs" / student).mkdir(parents=True)
        (tmp_path / "subs" / student / "lesson3.py").write_text(WRONG.read_text())
    proc = subprocess.run([sys.executable, "-m", "autograder", "batch", "subs", "-l", LESSON, "--jobs", "1",
                           "--secret-file", str(secret_file), "--csv", "summary.csv"],
                          cwd=tmp_path, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr
    with open(tmp_path / "summary.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["seed"] for r in rows} == {"secret"}
    scores = {Fraction(r["score"]) for r in rows}
    assert len(scores) == 1  # two students, one code: one score

    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "lesson3.py").write_text(WRONG.read_text())
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"lessons": [LESSON], "files": {LESSON: "lesson3.py"}, "secret_file": "secret.txt"}))
    results = tmp_path / "results.json"
    assert gradescope.run(config, submission, results, echo=lambda *a: None) == 0
    assert Fraction(str(json.loads(results.read_text())["score"])) == scores.pop()
    in_process = grade(LESSON, submission / "lesson3.py", seed=secret_mod.derive(SECRET, LESSON))
    assert Fraction(str(json.loads(results.read_text())["score"])) == in_process.score


def test_the_environment_s_secret_is_the_default_and_seed_still_explores(tmp_path, monkeypatch):
    monkeypatch.setenv(secret_mod.ENV, SECRET)
    assert secret_mod.lesson_seed(catalogue.lesson(LESSON)) == secret_mod.derive(SECRET, LESSON)
    result = _grade(tmp_path, WRONG.read_text(), exercises=["ele_mul"])
    assert secret_mod.is_secret(result.seed) and result.to_json()["seed"] == "secret"
    explored = _grade(tmp_path, WRONG.read_text(), seed=5, exercises=["ele_mul"])
    assert explored.seed == 5 and all(c.call for c in _randomized(explored).values())


# -------------------------------------------------------------------------- (b)


def _sent(monkeypatch):
    """The arguments of every call the grader sends to the learner's process."""
    sent = []
    original = Sandbox.call

    def spy(self, exercise, name, args, **kwargs):
        sent.append((name, repr(args)))
        return original(self, exercise, name, args, **kwargs)

    monkeypatch.setattr(Sandbox, "call", spy)
    return sent


def test_another_secret_draws_other_cases_and_grades_alike(tmp_path, monkeypatch):
    sent = _sent(monkeypatch)
    draws = {}
    for name in (SECRET, OTHER_SECRET):
        seed = secret_mod.derive(name, LESSON)
        del sent[:]
        solved = _grade(tmp_path, solution_text(LESSON), seed=seed)
        assert solved.full_marks, [c.message for c in solved.checks if not c.passed]
        draws[name] = list(sent)
        wrong = _grade(tmp_path, WRONG.read_text(), seed=seed, exercises=["ele_mul"])
        assert wrong.score < wrong.max_score
        assert not any(c.passed for c in _randomized(wrong).values())
    a, b = set(draws[SECRET]), set(draws[OTHER_SECRET])
    assert a != b and a & b  # the fixed cases are the same, the drawn ones differ
    assert secret_mod.derive(SECRET, LESSON).value != secret_mod.derive(OTHER_SECRET, LESSON).value
    assert secret_mod.derive(SECRET, LESSON).value != secret_mod.derive(SECRET, "lesson4").value


# -------------------------------------------------------------------------- (c)


HARDCODED = '''
TABLE = %r

def neural_network(input, weight):
    key = "neural_network(%%s, %%s)" %% ("%%.10g" %% input, "%%.10g" %% weight)
    if key in TABLE:
        return float(TABLE[key])
    return input + weight
'''


def test_hard_coding_the_draws_a_report_shows_fails_under_the_secret(tmp_path):
    table = {}
    public = catalogue.lesson(LESSON).seed
    for _ in range(8):  # a learner who resubmits: each report shows one failing draw per check
        result = _grade(tmp_path, HARDCODED % table, seed=public, exercises=["neural_network"])
        failing = [c.to_json() for c in _randomized(result).values() if not c.passed]
        if not failing:
            break
        for check in failing:
            table[check["call"]] = check["expected"]
    assert not failing, "the attack should work where the draws are public"
    assert len(table) >= 2
    under_secret = _grade(tmp_path, HARDCODED % table, seed=secret_mod.derive(SECRET, LESSON),
                          exercises=["neural_network"])
    checks = _randomized(under_secret).values()
    assert checks and not any(c.passed for c in checks)
    for check in checks:
        assert check.message.startswith("neural_network: the answer differs from the expected value")
        assert not check.call and not check.expected and not check.got


# -------------------------------------------------------------------------- (d)


def test_no_output_of_a_secret_run_shows_the_draws_nor_the_secret(tmp_path, monkeypatch, hidden):
    from autograder.instructor.regrade import exercise_report

    seed = secret_mod.derive(SECRET, LESSON)
    result = _grade(tmp_path, LEAKY, seed=seed)
    drawn = _numbers(hidden)
    assert len(drawn) > 20, "the spy should have seen the drawn cases"
    public = _grade(tmp_path, LEAKY, seed=catalogue.lesson(LESSON).seed)
    assert _numbers(formats.check_text(c) for c in public.checks), "without a secret the values show"

    by_name = {c.name: c for c in result.checks}
    assert by_name["ele_mul_random[0]"].message == (
        "ele_mul: the answer differs from the expected value (randomized case, compared with the "
        "reference solution).")
    assert by_name["neural_network_random[0]"].message == "neural_network raised an exception."
    assert any("is not shown" in n for n in by_name["ele_mul_random[0]"].notes)
    # The course's own numbers still show, with what the learner's code printed.
    assert "0.65" in by_name["ele_mul_trace[list]"].message and "number 0.65" in by_name["ele_mul_trace[list]"].output

    outputs = [report.render(result, verbose=True, width=200, color=False, hints=3),
               json.dumps(result.to_json()), formats.junit_xml([result]),
               json.dumps(formats.gradescope_results(result))]
    outputs += [exercise_report(result, e.name) for e in catalogue.lesson(LESSON).exercises]
    assert "secret" in outputs[0] and '"seed": "secret"' in outputs[1]

    # The CLI with the environment's secret, in every format.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(secret_mod.ENV, SECRET)
    monkeypatch.setenv("NO_COLOR", "1")
    for fmt in ("table", "json", "junit"):
        proc = subprocess.run([sys.executable, "-m", "autograder", LESSON, "--submission", "lesson3.py",
                               "--format", fmt, "-v"], capture_output=True, text=True)
        assert proc.returncode == 1, proc.stderr
        outputs.append(proc.stdout + proc.stderr)

    # A batch with --out in every format, its CSV and checkpoints, and a rerun that reuses them.
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    (tmp_path / "subs" / "ann" / "lesson3.py").write_text(LEAKY)
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET)
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    for fmt in ("json", "junit", "gradescope", "json"):
        proc = subprocess.run([sys.executable, "-m", "autograder", "batch", "subs", "-l", LESSON, "-j", "1",
                               "--secret-file", str(secret_file), "--out", "out-" + fmt, "--format", fmt],
                              capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stderr
        outputs.append(proc.stdout + proc.stderr)
    files = [p for p in tmp_path.rglob("out-*/**/*") if p.is_file()]
    assert any(p.name.endswith(".checkpoint.json") for p in files) and any(p.name == "summary.csv" for p in files)
    outputs += [p.read_text() for p in files]
    assert "(1 of them by an earlier run" in outputs[-len(files) - 1]

    # The Gradescope run, its secret in the bundle's folder.
    source = tmp_path / "source"
    source.mkdir()
    (source / "secret").write_text(SECRET)
    (source / "config.json").write_text(json.dumps({"lessons": [LESSON], "secret_file": "secret"}))
    (tmp_path / "submission").mkdir()
    (tmp_path / "submission" / "lesson3.py").write_text(LEAKY)
    log = []
    assert gradescope.run(source / "config.json", tmp_path / "submission", tmp_path / "results.json",
                          echo=log.append) == 0
    outputs += [(tmp_path / "results.json").read_text(), "\n".join(log)]

    _assert_nothing_drawn(outputs, drawn, seed)


def test_the_checkpoint_of_one_secret_is_not_reused_under_another(tmp_path):
    (tmp_path / "subs" / "ann").mkdir(parents=True)
    (tmp_path / "subs" / "ann" / "lesson3.py").write_text(WRONG.read_text())
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}

    def run(*extra):
        proc = subprocess.run([sys.executable, "-m", "autograder", "batch", "subs", "-l", LESSON, "-j", "1",
                               "--out", "out", *extra], cwd=tmp_path, capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout + proc.stderr

    (tmp_path / "a").write_text(SECRET)
    (tmp_path / "b").write_text(OTHER_SECRET)
    assert "earlier run" not in run("--secret-file", "a")
    assert "earlier run" in run("--secret-file", "a")
    assert "earlier run" not in run("--secret-file", "b")
    assert "earlier run" not in run()  # no secret: the public draws


def test_bad_secret_files_are_usage_errors(tmp_path):
    from click.testing import CliRunner

    from autograder.cli import main

    (tmp_path / "lesson3.py").write_text(WRONG.read_text())
    (tmp_path / "empty").write_text("\n")
    runner = CliRunner()
    for args in (["--secret-file", str(tmp_path / "empty")], ["--secret-file", str(tmp_path / "none")],
                 ["--secret-file", str(tmp_path / "empty"), "--seed", "3"]):
        result = runner.invoke(main, ["batch", str(tmp_path / "lesson3.py"), "-l", LESSON, *args])
        assert result.exit_code == 2, result.output
    assert "is empty" in runner.invoke(main, ["gradescope", LESSON, "-o", str(tmp_path / "z.zip"),
                                              "--secret-file", str(tmp_path / "empty")]).output


def test_a_secret_seed_is_never_rendered():
    seed = secret_mod.derive(SECRET, LESSON)
    assert str(seed) == repr(seed) == "%s" % (seed,) == "{}".format(seed) == "secret"
    with pytest.raises(TypeError):
        "%d" % seed
    with pytest.raises(TypeError):
        json.dumps(seed)
    assert secret_mod.fingerprint(SECRET) not in str(seed.value)


# -------------------------------------------------------------------------- (e)


# A learner's file that looks for the secret everywhere it could be: its environment, the
# secret's file, the environment of its namespace's first process, its own, its parent's
# and every other process's it can see; it says what it found in a fixed case's report.
READER = with_override(LESSON, '''
import glob, os

def _look():
    value = os.environ.get("GROKKING_SEED_SECRET")
    found = ["env " + ("FOUND " + value if value else "no")]
    named = ["SECRET_PATH", "/proc/1/environ", "/proc/self/environ", "/proc/%d/environ" % os.getppid()]
    for path in named + glob.glob("/proc/[0-9]*/environ"):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            if path in named:
                found.append("%s %s" % (path, type(exc).__name__))
            continue
        if path == "SECRET_PATH":
            found.append("file FOUND %r" % data[:40])
        elif b"GROKKING_SEED_SECRET" in data:
            found.append("%s FOUND %r" % (path, data[data.index(b"GROKKING_SEED_SECRET"):][:60]))
    return found

def neural_network(input, weight):
    raise ValueError(" | ".join(_look()))
''')


def _looked(tmp_path, secret_path):
    result = _grade(tmp_path, READER.replace("SECRET_PATH", str(secret_path)), exercises=["neural_network"])
    assert secret_mod.is_secret(result.seed)
    message = next(c for c in result.checks if c.source == "L3.single.pred").message
    assert "env no" in message, message  # the learner's code did look, and its environment has no secret
    assert "FOUND" not in message and SECRET not in message, message
    return message


def test_the_learner_s_process_cannot_read_the_secret_from_its_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(secret_mod.ENV, SECRET)
    _looked(tmp_path, tmp_path / "nowhere")


@pytest.mark.seal
def test_the_sealed_learner_cannot_read_the_secret_file_nor_the_grader_s_environment(tmp_path, monkeypatch):
    from autograder import sandbox

    try:
        isolation = sandbox.probe()
    except sandbox.SealUnavailable as exc:
        pytest.skip("this host cannot seal learners' code: %s" % exc)
    assert isolation.startswith("sealed")
    secret_file = tmp_path / "source" / "secret"
    secret_file.parent.mkdir()
    secret_file.write_text(SECRET)
    monkeypatch.setenv(secret_mod.ENV, SECRET)
    message = _looked(tmp_path, secret_file)
    assert "%s FileNotFoundError" % secret_file in message or "%s PermissionError" % secret_file in message


def test_the_nbgrader_course_reads_its_secret_from_its_config(tmp_path, monkeypatch):
    from autograder.instructor.regrade import course_settings, seed_for

    monkeypatch.delenv(secret_mod.ENV, raising=False)
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.KitGrade.secret = %r\n" % SECRET)
    settings = course_settings(tmp_path)
    assert settings["secret"] == SECRET
    assert seed_for(LESSON, settings["secret"]) == secret_mod.derive(SECRET, LESSON)
    assert seed_for(LESSON) == catalogue.lesson(LESSON).seed  # no secret anywhere: the public cases


def test_the_gradescope_zip_carries_the_secret_for_the_grader_alone(tmp_path):
    import stat
    import zipfile

    path = gradescope.build_bundle([LESSON], tmp_path / "a.zip", secret=SECRET)
    with zipfile.ZipFile(path) as z:
        modes = {info.filename: info.external_attr >> 16 for info in z.infolist()}
        config = json.loads(z.read("config.json"))
        assert z.read(config["secret_file"]).decode().strip() == SECRET
        assert 'chmod 600 "$SOURCE/secret"' in z.read("setup.sh").decode()
    assert stat.S_IMODE(modes[config["secret_file"]]) == 0o600
    assert SECRET not in json.dumps(config)
    plain = gradescope.build_bundle([LESSON], tmp_path / "b.zip")
    with zipfile.ZipFile(plain) as z:
        assert "secret" not in z.namelist() and "secret_file" not in json.loads(z.read("config.json"))


def test_a_drawn_failure_without_words_of_its_own_says_none_of_the_case():
    """A check that raised its failure with a message only (no ``words``) may have put the
    case's values in it: under the secret its report falls back to the rule, not to that text."""
    from fractions import Fraction

    from autograder.grading.results import CheckRecord

    record = CheckRecord("w_sum_random", "w_sum", "randomized case", Fraction(1), status="failed",
                         message="w_sum([0.123456, 0.654321], [1, 2]) returned 7, expected 1.43", drawn=True)
    record.say_in_words()
    assert "0.123456" not in record.message and "1.43" not in record.message
    assert record.message == "w_sum: the answer does not pass this check."
