"""Running a notebook's cells for their outputs, in the kit's sealed sandbox.

nbgrader runs a submitted notebook in a Jupyter kernel as the grader's own user, where a
cell can read the gradebook, the course folder and the graders. The course does not: its
``KitExecute`` step runs the learner's code cells here instead, one after another in one
namespace, inside the same sandbox as the graded code (see :mod:`autograder.sandbox`),
and writes each cell's printed text, last value and error back into the notebook, as a
kernel would (text only). Grades never depend on it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

# The learner's side: plain code, run in the sandbox like any submission. It holds the
# cells as data and runs one cell per call, so that a cell that hangs or crashes costs
# only itself (the cells after it run again from a fresh process).
RUNNER = r'''
import ast as _ast, contextlib as _contextlib, io as _io, traceback as _traceback

_CELLS = __CELLS__
_NAMESPACE = {"__name__": "__main__", "__builtins__": __builtins__}


def run_cell(index):
    source = _CELLS[index]
    out, err = _io.StringIO(), _io.StringIO()
    value = error = None
    try:
        with _contextlib.redirect_stdout(out), _contextlib.redirect_stderr(err):
            tree = _ast.parse(source, "<cell %d>" % (index + 1))
            last = None
            if tree.body and isinstance(tree.body[-1], _ast.Expr):
                last = _ast.Expression(tree.body.pop().value)
            exec(compile(tree, "<cell %d>" % (index + 1), "exec"), _NAMESPACE)
            if last is not None:
                result = eval(compile(last, "<cell %d>" % (index + 1), "eval"), _NAMESPACE)
                if result is not None:
                    value = repr(result)[:20000]
    except BaseException as exc:
        error = [type(exc).__name__, str(exc)[:2000], _traceback.format_exc()[-4000:]]
    return [out.getvalue()[-50000:], err.getvalue()[-50000:], value, error]
'''


def runner_source(cells) -> str:
    """The learner-side module that runs ``cells`` (a list of code strings)."""
    return RUNNER.replace("__CELLS__", json.dumps(list(cells)))


def run_cells(cells, *, timeout=30.0, memory_mb=512):
    """Run ``cells`` in order in one sealed sandbox; one ``dict`` per cell: ``stdout``,
    ``stderr``, ``value`` (the repr of a last expression), ``error`` (``[name, message,
    traceback]``), ``status`` (``ok``, ``error``, ``timeout``, ``crashed``, ``skipped``)."""
    from ..sandbox import Sandbox

    results = []
    with tempfile.TemporaryDirectory(prefix="grokking-cells-") as folder:
        path = Path(folder) / "notebook.py"
        path.write_text(runner_source(cells), encoding="utf-8")
        with Sandbox(path, module_name="notebook") as sandbox:
            for index in range(len(cells)):
                outcome = sandbox.call("cells", "run_cell", [index], timeout=timeout, memory_mb=memory_mb)
                if outcome.ok and isinstance(outcome.value, list) and len(outcome.value) == 4:
                    stdout, stderr, value, error = outcome.value
                    results.append({"status": "error" if error else "ok", "stdout": stdout, "stderr": stderr,
                                    "value": value, "error": error})
                    continue
                message = {"timeout": "the cell did not finish within %g s" % timeout,
                           "crashed": "the cell's process ended (a crash, os._exit or a memory limit)"}.get(
                               outcome.status, outcome.info.get("message") or outcome.status)
                results.append({"status": outcome.status if outcome.status in ("timeout", "crashed") else "error",
                                "stdout": outcome.output, "stderr": "", "value": None,
                                "error": [outcome.status, message, ""]})
    return results
