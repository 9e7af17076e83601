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

    def __init__(self, message, words):
        super().__init__(message)
        self.words = words


class Difference(str):
    """How an answer differs (the sentence, with the values), and ``words``: the same
    without any value, index or shape (what a report under the course's secret may say
    of a drawn case; see :mod:`autograder.grading.secret`)."""

    def __new__(cls, text, words):
        self = super().__new__(cls, text)
        self.words = words
        return self


NOT_NUMBERS = "is not the numbers expected (another type)"
WRONG_SHAPE = "has the wrong shape"
DIFFERS = "differs from the expected value"
NO_RETURN = "is None: is a `return` statement missing?"


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


class Named(list):
    """Some parts of a returned tuple, shown with their names (``prediction 0.98, error
    0.3025``): what a check compares when it leaves the other parts alone."""

    def __init__(self, names, values):
        super().__init__(values)
        self.names = list(names)


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
    if isinstance(value, Named):
        return ", ".join("%s %s" % (n, fmt(v, limit, digits)) for n, v in zip(value.names, value))
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
    raise Mismatch(_not_a_number(got, ()), NO_RETURN if got is None else NOT_NUMBERS)


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
        raise Mismatch(_not_a_number(got, shape), NO_RETURN if got is None else NOT_NUMBERS)
    if isinstance(got, numbers.Number) and shape != ():
        raise Mismatch("returned a single number (%s), expected %s" % (fmt(got), describe_shape(shape)), WRONG_SHAPE)
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Mismatch("returned %s, which is not %s of numbers (ragged rows or non-numbers)" % (
            fmt(got), describe_shape(shape)), NOT_NUMBERS) from None
    if arr.size == 0 and math.prod(shape) == 0:
        return np.zeros(shape)
    if arr.shape != tuple(shape):
        raise Mismatch("returned shape %s, expected shape %s" % (tuple(arr.shape), tuple(shape)), WRONG_SHAPE)
    return arr


def _index(idx):
    return "".join("[%d]" % i for i in idx)


def mismatch(got, expected, tol=None):
    """None when ``got`` matches ``expected`` within ``tol``, else a :class:`Difference`
    saying why not."""
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
        return Difference(str(m), m.words)
    bad_nan = np.isnan(g) & ~np.isnan(e)
    bad_inf = np.isinf(g) & ~np.isinf(e)
    for mask, word in ((bad_nan, "NaN (not a number: an invalid operation such as 0/0 or inf - inf)"),
                       (bad_inf, "infinity (a value overflowed)")):
        if mask.any():
            idx = tuple(int(i) for i in np.argwhere(mask)[0])
            where = " at %s" % _index(idx) if idx else ""
            return Difference("contains %s%s" % (word, where), "contains " + word)
    with np.errstate(invalid="ignore", over="ignore"):
        ok = (np.abs(g - e) <= abs_tol + rel_tol * np.abs(e)) | (g == e)
    if ok.all():
        return None
    idx = tuple(int(i) for i in np.argwhere(~ok)[0])
    shifted = _shifted(g, e, abs_tol, rel_tol)
    words = DIFFERS + ("; " + shifted if shifted else "")
    if shifted:
        return Difference("differs at %s: %s instead of %s; %s" % (
            _index(idx), fmt_precise(g[idx], e[idx]), fmt_number(e[idx]), shifted), words)
    if not idx:
        return Difference("differs: %s instead of %s" % (fmt_precise(g, e), fmt_number(e)), words)
    return Difference("differs at %s: %s instead of %s" % (_index(idx), fmt_precise(g[idx], e[idx]),
                                                         fmt_number(e[idx])), words)



def _shifted(g, e, abs_tol, rel_tol):
    """Whether a sequence of answers is the expected one moved by one step (a history
    measured after the update instead of before it, or one step late)."""
    if g.ndim == 0 or len(g) < 3 or g.shape != e.shape:
        return ""

    def same(a, b):
        with np.errstate(invalid="ignore", over="ignore"):
            return bool(np.all((np.abs(a - b) <= abs_tol + rel_tol * np.abs(b)) | (a == b)))

    if same(g[:-1], e[1:]):
        return "each value is the expected one of the step after it (one step ahead)"
    if same(g[1:], e[:-1]):
        return "each value is the expected one of the step before it (one step behind)"
    return ""


def fmt_precise(got, expected):
    """``got`` with enough digits to tell it from ``expected``."""
    got, expected = float(got), float(expected)
    # Never fewer digits than the learner's value has (up to 10): 0.30195025 rounded to 0.302
    # looks like a slip of the last digit, where it is the next step's error.
    for digits in (10, 13, 17):
        if fmt_number(got, digits) != fmt_number(expected, digits):
            return fmt_number(got, digits)
    return fmt_number(got, 17)


def close_enough(got, expected, tol=None):
    return mismatch(got, expected, tol) is None


def fmt_like(expected, got, limit=60, digits=10):
    """``expected`` rendered with the brackets of ``got``: where the learner's answer has a
    tuple the expected value shows a tuple, where it has a list a list, so that the only
    visible difference between the two is a real one (lists, tuples and arrays all count)."""
    return fmt(_like(expected, got), limit, digits)


def _like(expected, got):
    if not isinstance(expected, (list, tuple)):
        return expected
    if isinstance(got, np.ndarray):
        got = got.tolist()
    if isinstance(got, (list, tuple)) and len(got) == len(expected):
        items = [_like(e, g) for e, g in zip(expected, got)]
        if isinstance(expected, Named):
            return Named(expected.names, items)
        return tuple(items) if isinstance(got, tuple) else items
    return expected


def _size_one(value):
    return isinstance(value, np.ndarray) and value.ndim >= 1 and value.size == 1 and value.dtype.kind in "biuf"


def size_one_numbers(got, expected):
    """``(got, found)``: ``got`` with every 1-element array that stands where ``expected``
    has a single number replaced by that number, and how many were replaced.

    Where the catalogue expects a number (a prediction, each error of a history), an array
    holding one number (``layer_2`` of shape (1, 1)) is that number in a box: it counts,
    with a note that says how to take the number out."""
    if expected is None:
        return got, 0
    if isinstance(expected, (numbers.Real, np.number, np.bool_)) or (
            isinstance(expected, np.ndarray) and expected.ndim == 0):
        return (float(got.reshape(-1)[0]), 1) if _size_one(got) else (got, 0)
    if isinstance(expected, (list, tuple, np.ndarray)) and isinstance(got, (list, tuple)) and len(got) == len(expected):
        found, items = 0, []
        for g, e in zip(got, expected):
            g, n = size_one_numbers(g, e)
            items.append(g)
            found += n
        return (tuple(items) if isinstance(got, tuple) else items), found
    return got, 0


def size_one_note(what, found):
    return ("%s returned %s where %s expected; %s here, but the answer should be a plain "
            "number: take it out of its array (float(...) or .item())."
            % (what, "1-element arrays" if found > 1 else "a 1-element array",
               "numbers are" if found > 1 else "a number is", "they count" if found > 1 else "it counts"))
