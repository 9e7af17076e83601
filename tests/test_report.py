"""The learner's report, read as text: it says the true cause, once, in the learner's own
terms, and reads in 80 columns when piped."""

import fnmatch
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from click.testing import CliRunner

from autograder import catalogue

from autograder.learner import gallery, practice
from autograder.cli import main
from autograder.grading.compare import fmt_like, mismatch, size_one_numbers
from autograder.misconceptions import for_lesson
from autograder.learner.report import _cut_pair, render
from conftest import ROOT, grade_text, with_override

# Code written out: an assignment, a power, a matrix product, a NumPy or generator call (the
# drills' rule), and for hints and explanations also a loop header, an axis keyword, or the
# product of the course's quantities written as Python.
CODE = practice.CODE
SPELLED_OUT = re.compile(CODE.pattern + r"|\brange\(|\baxis=|\bnp\.\w+|\(\w+ [<>]=? 0\) \* "
                         r"|\b(input|weight|weights|output|delta|number|alpha|patch)(\[\w+\])? \* [a-z(]")


def report(result, **kw):
    kw.setdefault("width", 80)
    kw.setdefault("color", False)
    return render(result, **kw)


def grade_override(tmp_path, lesson, code, **kw):
    return grade_text(tmp_path, lesson, with_override(lesson, code), **kw)


def lines_of(text):
    return text.splitlines()


def flat(text):
    return " ".join(text.split())


def section(text, exercise):
    """The 'What to fix' block of one exercise."""
    blocks = text.split("\n\n")
    return "\n\n".join(b for b in blocks if re.match(r"^. %s · " % exercise, b))


def run(*args, cwd=ROOT, env=None):
    environment = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1",
                   "GROKKING_STATE_DIR": os.environ["GROKKING_STATE_DIR"]}
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "autograder", *args], cwd=cwd, capture_output=True,
                          text=True, env=environment)


# ---------------------------------------------------------------------------- the table


def test_a_check_of_several_calls_shows_its_own_words_not_one_call(tmp_path):
    result = grade_override(tmp_path, "lesson3", "def w_sum(a, b):\n    return 0.5\n")
    row = next(line for line in lines_of(report(result)) if "L3.multi-input.lo" in line)
    assert "([8.5], [0.1])" not in row and "([x], [w])" in row


def test_expected_values_take_the_brackets_of_the_answer(tmp_path):
    assert fmt_like([[1, 3], [2, 3]], [(1, 3), (2, 4)]) == "[(1, 3), (2, 3)]"
    assert fmt_like((1, 2), [1, 3]) == "[1, 2]"
    result = grade_override(tmp_path, "lesson3", "def dot_shape(a, b):\n    return (a[0], a[1])\n")
    text = report(result)
    row = next(line for line in lines_of(text) if "L3.numpy.dot-shapes" in line)
    assert "[(1, 3)," in row and "[[1, 3]," not in row


def test_none_is_shown_as_none_and_asks_for_the_return_once(tmp_path):
    result = grade_override(tmp_path, "lesson3", "def w_sum(a, b):\n    total = sum(x * y for x, y in zip(a, b))\n")
    text = report(result)
    row = next(line for line in lines_of(text) if "L3.multi-input.pred" in line and "✗" in line)
    assert "None" in row
    assert "is a `return` statement missing?" in flat(text) and "missing?." not in text


def test_parts_not_checked_leave_no_placeholder(tmp_path):
    code = ("def multi_input_step(input, weights, goal, alpha):\n"
            "    prediction = sum(x * w for x, w in zip(input, weights))\n"
            "    delta = prediction - goal\n"
            "    weight_deltas = [delta * x for x in input]\n"
            "    new = [w + alpha * d for w, d in zip(weights, weight_deltas)]\n"
            "    return new, prediction, delta ** 2, delta, weight_deltas\n")
    text = report(grade_override(tmp_path, "lesson5", code), verbose=True)
    assert "None, None" not in text and "(…, None" not in text
    assert "expected new_weights [" in flat(text)


def test_cut_cells_keep_the_difference_in_sight():
    expected = "[0.1111111111, 0.2222222222, 0.3333333333, 0.4444444444]"
    got = "[0.1111111111, 0.2222222222, 0.3333333333, 0.4444444445]"
    e, g = _cut_pair(expected, got, 12, "…")
    assert e != g and len(e) == len(g) == 12
    assert e.strip().endswith("4") or "4444" in e


def test_rounding_never_hides_the_learners_value_and_a_shift_is_named(tmp_path):
    assert "0.30195025 instead of 0.3025" in mismatch(0.30195025, 0.3025)
    shifted = [0.3025, 0.30195025, 0.301401, 0.30085225]
    assert "one step ahead" in mismatch(shifted[1:] + [0.3003], shifted)
    item = next(m for m in for_lesson("lesson4") if m.id.endswith("hot_cold_learning_after_update"))
    from autograder.misconceptions import learner_code

    text = flat(report(grade_override(tmp_path, "lesson4", learner_code(item))))
    assert "0.30195025 instead of 0.3025" in text and "one step ahead" in text


def test_trace_ids_are_never_split_across_lines(tmp_path):
    code = "def gradient_descent(input, weight, goal, alpha, iterations):\n    return []\n"
    text = report(grade_override(tmp_path, "lesson4", code), verbose=True, width=60)
    ids = {c.source for c in grade_override(tmp_path, "lesson4", code).checks if "." in c.source}
    for line in lines_of(text):
        assert not re.search(r"L\d+\.[\w.-]*-$", line), line
    assert any("L4.gd.direction-and-amount" in line for line in lines_of(text))
    assert ids


# ------------------------------------------------------------------ 80 columns, piped


@pytest.mark.parametrize("lesson", list(catalogue.lessons()))
def test_piped_reports_read_in_80_columns(lesson):
    """No COLUMNS, no terminal: the report of the untouched stubs, with and without -v."""
    for extra in ([], ["-v"]):
        proc = run(lesson, *extra)
        assert proc.returncode == 1, proc.stderr
        wide = [line for line in proc.stdout.splitlines() if len(line) > 80]
        assert not wide, wide


def test_a_file_that_cannot_run_is_reported_once(tmp_path):
    path = tmp_path / "lesson3.py"
    path.write_text("def w_sum(a, b)\n    return 0\n")
    proc = run("lesson3", "-s", str(path))
    out = proc.stdout
    lines = lines_of(out)
    assert out.count("syntax error on line 1") == 1
    at = lines.index("    def w_sum(a, b)")
    assert lines[at + 1] == "    " + " " * len("def w_sum(a, b)") + "^"
    exercises = [e.name for e in catalogue.lesson("lesson3").exercises]
    assert sum(1 for line in lines if line.startswith("! ") and line.split()[1] in exercises) == len(exercises)
    assert "What to fix" not in out and "randomized case" not in out
    assert max(len(line) for line in lines) <= 80


# ------------------------------------------------------------------ the right cause


def test_a_list_times_a_float_is_not_a_fixed_buffer(tmp_path):
    result = grade_override(tmp_path, "lesson3", "def ele_mul(number, vector):\n    return number * vector\n")
    text = flat(report(result, verbose=True))
    assert "fixed" not in text and "[0, 0, 0]" not in text
    assert "A Python list times a number does not multiply its elements" in text
    assert not any(c.misconception for c in result.checks)


def test_the_best_explanation_is_shown_by_default(tmp_path):
    code = ("def ele_mul(number, vector):\n    output = [0, 0, 0]\n    for i in range(3):\n"
            "        output[i] = number * vector[i]\n    return output\n")
    text = flat(report(grade_override(tmp_path, "lesson3", code)))
    assert "starts as the slide's [0, 0, 0]" in text or "only works for three" in text


def test_an_exception_in_a_callee_is_blamed_on_the_callee(tmp_path):
    code = ("def outer_prod(vec_a, vec_b):\n    assert len(vec_a) == len(vec_b)\n"
            "    return [[a * b for b in vec_b] for a in vec_a]\n")
    result = grade_override(tmp_path, "lesson5", code)
    text = flat(report(result, verbose=True))
    assert "It was raised inside your outer_prod, not in multi_in_out_step itself" in text


def test_a_script_variable_read_instead_of_the_parameter_is_named(tmp_path):
    code = ("input = [8.5, 0.65, 1.2]\n\ndef w_sum(a, b):\n    output = 0\n"
            "    for i in range(len(a)):\n        output += input[i] * b[i]\n    return output\n")
    text = flat(section(report(grade_override(tmp_path, "lesson3", code)), "w_sum"))
    assert "w_sum reads input, set at the top level of your file, instead of its parameters" in text
    assert "range(3)" not in text  # the check's guess gives way


def test_a_loop_past_the_last_pattern_is_not_a_shape_problem(tmp_path):
    code = ("def train_deep_network(inputs, goals, weights_0_1, weights_1_2, alpha, iterations):\n"
            "    inputs = np.asarray(inputs, dtype=float)\n    goals = np.asarray(goals, dtype=float)\n"
            "    w01, w12 = np.array(weights_0_1, dtype=float), np.array(weights_1_2, dtype=float)\n"
            "    errors = []\n    for it in range(iterations):\n        total = 0.0\n"
            "        for i in range(len(inputs) + 1):\n            l0 = inputs[i:i + 1]\n"
            "            l1 = relu(l0.dot(w01))\n            l2 = l1.dot(w12)\n"
            "            total += float(np.sum((l2 - goals[i]) ** 2))\n"
            "            d2 = l2 - goals[i]\n            d1 = d2.dot(w12.T) * relu2deriv(l1)\n"
            "            w12 = w12 - alpha * l1.T.dot(d2)\n            w01 = w01 - alpha * l0.T.dot(d1)\n"
            "        errors.append(total)\n    return errors, w01, w12\n")
    text = flat(section(report(grade_override(tmp_path, "lesson6", code)), "train_deep_network"))
    assert "IndexError" in text and "runs further than there are patterns" in text
    assert "transposed" not in text


@pytest.mark.parametrize("delta", ["(goal - prediction)", "(prediction - goal)", "-(prediction - goal)"])
def test_a_slip_is_named_under_either_sign(tmp_path, delta):
    result = grade_override(tmp_path, "lesson4", "def squared_error(prediction, goal):\n    return %s * 2\n" % delta)
    failing = [c for c in result.checks if c.exercise == "squared_error" and not c.passed]
    assert failing and {c.misconception for c in failing} == {"lesson4.squared_error.squared_error_times_two"}


def test_one_element_arrays_count_as_numbers_with_a_note(tmp_path):
    value, found = size_one_numbers([(np.array([[0.3]]), 0.25)], [(0.3, 0.25)])
    assert found == 1 and value == [(0.3, 0.25)]
    code = ("import numpy as np\n\ndef gradient_descent(input, weight, goal, alpha, iterations):\n"
            "    history = []\n    weight = np.array([[weight]], dtype=float)\n"
            "    for _ in range(iterations):\n        prediction = input * weight\n"
            "        history.append(((prediction - goal) ** 2, prediction))\n"
            "        weight = weight - alpha * (prediction - goal) * input\n    return history\n")
    result = grade_override(tmp_path, "lesson4", code)
    assert result.full_marks, [c.message for c in result.checks if not c.passed]
    assert "take it out of its array (float(...) or .item())" in flat(report(result))


def test_in_place_changes_are_named_by_parameter_with_the_way_out(tmp_path):
    code = ("def multi_input_step(input, weights, goal, alpha):\n"
            "    prediction = sum(x * w for x, w in zip(input, weights))\n    delta = prediction - goal\n"
            "    weight_deltas = [delta * x for x in input]\n    old = list(weights)\n"
            "    for i in range(len(weights)):\n        weights[i] -= alpha * weight_deltas[i]\n"
            "    return weights, prediction, delta ** 2, delta, weight_deltas\n")
    result = grade_override(tmp_path, "lesson5", code)
    text = flat(report(result))
    assert "multi_input_step changed weights in place" in text
    assert "weights = list(weights)" in text and "#2" not in text


NEW_SLIPS = {
    ("lesson3", "ele_mul", "ele_mul_int_buffer"),
    ("lesson3", "vect_mat_mul", "vect_mat_mul_int_buffer"),
    ("lesson4", "gradient_descent_step", "gradient_descent_step_doubled_alpha"),
    ("lesson5", "multi_input_learning", "multi_input_learning_frozen_index_zero"),
    ("lesson6", "train_deep_network", "train_deep_network_factor_two"),
    ("lesson6", "train_deep_network", "train_deep_network_stops_early"),
}


@pytest.mark.parametrize("lesson,exercise,name", sorted(NEW_SLIPS))
def test_the_common_slips_of_real_code_are_known(lesson, exercise, name):
    """Named by tests/test_misconceptions.py when made; here: they exist, in words."""
    item = next(m for m in for_lesson(lesson) if m.id == "%s.%s.%s" % (lesson, exercise, name))
    if "factor" in name or "doubled" in name:
        assert "factor 2" in item.sentence
    if "int_buffer" in name:
        assert "cut to an integer" in item.sentence


# ------------------------------------------------------------------ never the code


def test_hints_and_explanations_teach_without_giving_the_code_away():
    found = []
    for meta in catalogue.lessons().values():
        for e in meta.exercises:
            found += ["%s.%s hint: %s" % (meta.name, e.name, h) for h in e.hints if SPELLED_OUT.search(h)]
        found += ["%s: %s" % (m.id, m.course) for m in for_lesson(meta.name) if SPELLED_OUT.search(m.course)]
    assert not found, "\n".join(found)


def test_drill_docstrings_keep_the_examples_and_never_the_code(tmp_path):
    for meta in catalogue.lessons().values():
        for e in meta.exercises:
            text = practice.start_drill(meta.name, e.name, tmp_path / meta.name).read_text()
            doc = practice.function_source(text, e.name)
            prose = [line for line in doc.split('"""')[1].splitlines()
                     if not line.strip().startswith((">>>", "..."))]
            examples = [line for line in doc.splitlines() if line.strip().startswith(">>>")]
            assert not any(CODE.search(line) for line in prose), \
                (meta.name, e.name, [line for line in prose if CODE.search(line)])
            assert examples, (meta.name, e.name)
    assert "(prediction - goal) ** 2" not in practice.start_drill("lesson4", "squared_error", tmp_path).read_text()


# ------------------------------------------------------------------ small things


def test_lesson_numbers_the_kit_lacks_get_their_neighbours_not_a_lookalike():
    runner = CliRunner()
    missing = runner.invoke(main, ["lesson7"])
    assert missing.exit_code == 2 and "Did you mean lesson6 or lesson8?" in missing.output
    assert "lesson9?" not in missing.output
    typo = runner.invoke(main, ["lesosn3"])
    assert typo.exit_code == 2 and "Did you mean lesson3?" in typo.output
    drill = runner.invoke(main, ["drill", "--lesson", "lesson7"])
    assert drill.exit_code == 2 and "there is no lesson 'lesson7'" in drill.output


def test_help_shows_a_bare_hint_and_replay_only_where_it_exists():
    runner = CliRunner()
    help4 = runner.invoke(main, ["lesson4", "--help"]).output
    assert "--hint [N]" in help4 and "INTEGER" not in help4.split("--hint")[1].split("\n")[0]
    assert "--replay" not in help4
    assert "--replay" in runner.invoke(main, ["lesson8", "--help"]).output
    from autograder.learner import replay

    assert {name for name, meta in catalogue.lessons().items() if meta.data.get("replay")} == set(replay.RUNS)


def test_the_drill_footer_points_at_the_drill(tmp_path):
    result = grade_override(tmp_path, "lesson4", "def squared_error(prediction, goal):\n    return 0\n")
    text = report(result, hint_command="grade drill --check --hint")
    assert "`grade drill --check --hint`" in text and "grade lesson4 --hint" not in text


def test_gitignore_keeps_the_learners_scratch_out_of_git():
    patterns = [p.strip() for p in (ROOT / ".gitignore").read_text().splitlines() if p.strip() and not p.startswith("#")]

    def ignored(path):
        return any(fnmatch.fnmatch(path, p.lstrip("/").rstrip("/") + ("/*" if p.endswith("/") else ""))
                   or fnmatch.fnmatch(os.path.basename(path), p) for p in patterns)

    assert ignored("exercises/lesson4.py.20261123-194012.bak")
    assert ignored("exercises/lesson4.py.20261123-194012-2.bak")
    assert ignored("drill/lesson4_gradient_descent.py") and ignored("plots/lesson4-gradient_descent.png")
    assert not ignored("exercises/lesson4.py")


def test_readme_warns_that_untouched_stubs_exit_1():
    text = flat((ROOT / "README.md").read_text())
    assert "exits with status 1" in text and "untouched stubs" in text


# ------------------------------------------------------------------ the gallery


def test_the_gallery_is_current_and_reads_in_80_columns_with_and_without_v():
    graded = list(gallery.results())
    assert {(m.name, e) for m, e, _, _ in graded} == {
        (name, e.name) for name, meta in catalogue.lessons().items() for e in meta.exercises}
    text = gallery.build(graded)
    assert (ROOT / "docs" / "report-gallery.md").read_text(encoding="utf-8") == text, \
        "docs/report-gallery.md is out of date: run `grade gallery`"
    for meta, exercise, _, result in graded:
        assert not result.full_marks, (meta.name, exercise)
        for verbose in (False, True):
            wide = [line for line in gallery.render(result, verbose=verbose).splitlines() if len(line) > 80]
            assert not wide, (meta.name, exercise, verbose, wide)
