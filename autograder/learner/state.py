"""Where the kit keeps a learner's own state (history of attempts, hint levels, drills).

``platformdirs.user_data_dir("grokking-autograder")``, or ``GROKKING_STATE_DIR`` when set
(tests, shared machines).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "grokking-autograder"


def state_dir() -> Path:
    path = Path(os.environ.get("GROKKING_STATE_DIR") or platformdirs.user_data_dir(APP))
    path.mkdir(parents=True, exist_ok=True)
    return path
