"""Inputs for randomized cases: the same numbers as a list, a tuple or an array."""

from __future__ import annotations

import numpy as np

KINDS = ("list", "array")  # the catalogue: arguments arrive as lists or arrays


def as_kind(value, kind):
    """``value`` (a number, vector or matrix) as nested lists, nested tuples or a float array."""
    arr = np.asarray(value, dtype=float)
    if kind == "array":
        return arr.copy()
    if kind == "list":
        return arr.tolist()
    if kind == "tuple":
        def to_tuple(x):
            return tuple(to_tuple(v) for v in x) if isinstance(x, list) else x
        return to_tuple(arr.tolist())
    raise ValueError(kind)


def kind_for(case: int):
    """The input kind of randomized case number ``case``: lists and arrays in turn."""
    return KINDS[case % len(KINDS)]


def uniform(rng, shape=(), low=-1.0, high=1.0):
    """Random floats, as a Python float for ``shape=()``."""
    x = rng.uniform(low, high, shape)
    return float(x) if shape == () else x


def integers(value, kind):
    """Whole numbers as the catalogue allows them: a list of ints or an integer array."""
    arr = np.asarray(value, dtype=np.int64)
    return arr.copy() if kind == "array" else arr.tolist()


TRUNCATED = ("Those are the right numbers cut down to whole numbers: the integer input was copied into "
             "a buffer that keeps its integer dtype (np.array(x), np.zeros_like(x), x.copy(), or the "
             "integer array itself, updated in place), and every float stored in it lost its fraction. "
             "Make the buffer of floats (np.array(x, dtype=float), np.zeros(n)) or build a new list.")


def truncated(value):
    """``value`` with every number cut to a whole number (what an integer buffer keeps)."""
    return np.trunc(np.asarray(value, dtype=float))
