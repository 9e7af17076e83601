"""Comparing a learner's answer with the expected value, and saying how they differ.

Numbers are compared with a tolerance ``|got - expected| <= abs + rel * |expected|``
(never with ``==``). Vectors and matrices may come back as lists, tuples or arrays of
the right shape. Every difference is described for a learner: the wrong shape with both
shapes, the first element that differs, NaN and infinity by name, ``None`` as a missing
``return``.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..sandbox.protocol import Unsupported

DEFAULT_TOL = {"abs": 1e-12, "rel": 1e-9}


class Mismatch(Exception):
    """How an answer differs from what was expected (a sentence for the learner)."""


def fmt_number(x, digits=10):
    if isinstance(x, (bool, np.bool_)):
        return str(bool(x))
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    text = "%.*g" % (digits, x)
    return text


def fmt(value, limit=60, digits=10):
    """A short, readable rendering of a value for a report cell or message."""
    if value is None:
        return "None"
    if isinstance(value, Unsupported):
        return "<%s object>" % value.type_name
    if isinstance(value, (numbers.Number, np.number, np.bool_)) and not isinstance(value, complex):
        return fmt_number(value, digits)
    if isinstance(value, str):
        return repr(value) if len(value) < limit else repr(value[: limit - 5]) + "…"
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        open_, close = ("(", ")") if isinstance(value, tuple) else ("[", "]")
        parts = []
        length = 2
        for item in value:
            text = fmt(item, limit, digits)
            if length + len(text) > limit and parts:
                parts.append("… %d items" % len(value))
                break
            parts.append(text)
            length += len(text) + 2
        if isinstance(value, tuple) and len(value) == 1:
            return open_ + parts[0] + "," + close
        return open_ + ", ".join(parts) + close
    if isinstance(value, dict):
        return "{…}"
    try:
        return repr(value)[:limit]
    except Exception:  # noqa: BLE001
        return "<%s>" % type(value).__name__


def describe_shape(shape):
    if shape == ():
        return "a single number"
    if len(shape) == 1:
        return "%d number%s" % (shape[0], "" if shape[0] == 1 else "s")
    return "shape %s" % (tuple(shape),)


def _as_number(got):
    if isinstance(got, (bool, np.bool_)):
        return float(got)
    if isinstance(got, numbers.Real):
        return float(got)
    if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind in "biuf":
        return float(got)
    raise Mismatch(_not_a_number(got, ()))


def _not_a_number(got, shape):
    wanted = describe_shape(shape)
    if got is None:
        return "returned None: is a `return` statement missing?"
    if isinstance(got, Unsupported):
        return "returned a %s, expected %s" % (got.type_name, wanted)
    if isinstance(got, str):
        return "returned the text %s, expected %s" % (fmt(got), wanted)
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "returned %s, which is not %s" % (fmt(got), wanted)
    if shape == ():
        return "returned %s (%s), expected a single number" % (fmt(got), describe_shape(arr.shape))
    return "returned %s, expected %s" % (describe_shape(arr.shape), wanted)


def _as_array(got, shape):
    if got is None or isinstance(got, (Unsupported, str, dict)):
        raise Mismatch(_not_a_number(got, shape))
    if isinstance(got, numbers.Number) and shape != ():
        raise Mismatch("returned a single number (%s), expected %s" % (fmt(got), describe_shape(shape)))
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Mismatch("returned %s, which is not %s of numbers (ragged rows or non-numbers)" % (fmt(got), describe_shape(shape))) from None
    if arr.size == 0 and math.prod(shape) == 0:
        return np.zeros(shape)
    if arr.shape != tuple(shape):
        raise Mismatch("returned shape %s, expected shape %s" % (tuple(arr.shape), tuple(shape)))
    return arr


def _index(idx):
    return "".join("[%d]" % i for i in idx)


def mismatch(got, expected, tol=None):
    """None when ``got`` matches ``expected`` within ``tol``, else a sentence saying why not."""
    tol = tol or DEFAULT_TOL
    abs_tol = tol.get("abs") or 0.0
    rel_tol = tol.get("rel") or 0.0
    try:
        if np.ndim(expected) == 0:
            g = np.array(_as_number(got))
            e = np.array(float(expected))
        else:
            e = np.asarray(expected, dtype=float)
            g = _as_array(got, e.shape)
    except Mismatch as m:
        return str(m)
    bad_nan = np.isnan(g) & ~np.isnan(e)
    bad_inf = np.isinf(g) & ~np.isinf(e)
    for mask, word in ((bad_nan, "NaN (not a number: an invalid operation such as 0/0 or inf - inf)"),
                       (bad_inf, "infinity (a value overflowed)")):
        if mask.any():
            idx = tuple(int(i) for i in np.argwhere(mask)[0])
            where = " at %s" % _index(idx) if idx else ""
            return "contains %s%s" % (word, where)
    with np.errstate(invalid="ignore", over="ignore"):
        ok = (np.abs(g - e) <= abs_tol + rel_tol * np.abs(e)) | (g == e)
    if ok.all():
        return None
    idx = tuple(int(i) for i in np.argwhere(~ok)[0])
    if not idx:
        return "differs: %s instead of %s" % (fmt_precise(g, e), fmt_number(e))
    return "differs at %s: %s instead of %s" % (_index(idx), fmt_precise(g[idx], e[idx]), fmt_number(e[idx]))


def fmt_precise(got, expected):
    """``got`` with enough digits to tell it from ``expected``."""
    got, expected = float(got), float(expected)
    for digits in (4, 6, 10, 13, 17):
        if fmt_number(got, digits) != fmt_number(expected, digits):
            return fmt_number(got, digits)
    return fmt_number(got, 17)


def close_enough(got, expected, tol=None):
    return mismatch(got, expected, tol) is None
