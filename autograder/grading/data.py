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
