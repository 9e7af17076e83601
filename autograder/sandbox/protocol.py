"""Plain-data messages between the grader and the learner's process.

Both sides speak length-prefixed frames of JSON. Values that JSON cannot carry are
tagged objects:

- ``{"__tuple__": [...]}`` a tuple;
- ``{"__nd__": [dtype, shape, base64]}`` a NumPy array of a numeric or boolean dtype,
  its raw little-endian bytes (never pickled, never an object array);
- ``{"__rng__": state}`` a ``numpy.random.Generator`` (PCG64), rebuilt from its state;
- ``{"__unsupported__": type_name, "repr": text}`` anything else the learner returned
  (a generator, a dict with odd keys...): the grader reports it, never evaluates it.

This module uses only the standard library and NumPy: the learner's process imports it
before any of the learner's code runs, and the grader decodes with it without ever
unpickling what the other side wrote.
"""

from __future__ import annotations

import base64
import os
import select
import time
import json
import math
import struct

import numpy as np

# Bound once, when this module is imported (in a learner's process, before the learner's
# file runs): a file that replaces np.random.Generator cannot break the channel.
Generator = np.random.Generator
PCG64 = np.random.PCG64

HEADER = struct.Struct(">Q")
MAX_FRAME = 256 * 1024 * 1024  # a learner's answer larger than this is refused
_KINDS = "biufc"  # bool, int, uint, float, complex


class ProtocolError(Exception):
    """A frame that is not what the protocol allows."""


class FrameTooLarge(ProtocolError):
    """A frame longer than the reader accepts (it is not read)."""


def encode(value):
    """Turn ``value`` into JSON-serialisable data, tagging what JSON lacks."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, np.generic):
        if value.dtype.kind == "b":
            return bool(value)
        if value.dtype.kind in "iu":
            return int(value)
        if value.dtype.kind == "f":
            return float(value)
        return _unsupported(value)
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in _KINDS or value.dtype.kind == "c":
            return _unsupported(value)
        arr = np.ascontiguousarray(value, dtype=value.dtype.newbyteorder("<"))
        return {"__nd__": [arr.dtype.str, list(arr.shape), base64.b64encode(arr.tobytes()).decode("ascii")]}
    if isinstance(value, tuple):
        return {"__tuple__": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) and not k.startswith("__") for k in value):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, Generator) and type(value.bit_generator).__name__ == "PCG64":
        return {"__rng__": value.bit_generator.state}
    return _unsupported(value)


def _unsupported(value):
    try:
        text = repr(value)
    except Exception:  # a learner's object whose __repr__ fails
        text = "<unprintable>"
    return {"__unsupported__": type(value).__name__, "repr": text[:200]}


class Unsupported:
    """Stands for a value the learner returned that plain data cannot carry."""

    def __init__(self, type_name, text):
        self.type_name = type_name
        self.text = text

    def __repr__(self):
        return self.text


def _decode_object(obj):
    if "__tuple__" in obj and len(obj) == 1:
        return tuple(obj["__tuple__"])
    if "__nd__" in obj and len(obj) == 1:
        dtype, shape, data = obj["__nd__"]
        dt = np.dtype(dtype)
        if dt.kind not in _KINDS or dt.hasobject:
            raise ProtocolError("refused dtype %r" % dtype)
        raw = base64.b64decode(data)
        count = math.prod(shape)
        if count * dt.itemsize != len(raw):
            raise ProtocolError("array size does not match its shape")
        return np.frombuffer(raw, dtype=dt).reshape(shape).copy()
    if "__rng__" in obj and len(obj) == 1:
        bit_generator = PCG64()
        bit_generator.state = obj["__rng__"]
        return Generator(bit_generator)
    if "__unsupported__" in obj:
        return Unsupported(str(obj["__unsupported__"]), str(obj.get("repr", "")))
    return obj


def dumps(value) -> bytes:
    return json.dumps(encode(value), allow_nan=True).encode("utf-8")


def loads(data: bytes):
    return json.loads(data.decode("utf-8"), object_hook=_decode_object)


def write_frame(stream, payload: bytes) -> None:
    stream.write(HEADER.pack(len(payload)) + payload)
    stream.flush()


def read_frame(stream) -> bytes | None:
    """Read one frame from a blocking binary stream; None at end of stream."""
    head = _read_exact(stream, HEADER.size)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > MAX_FRAME:
        raise ProtocolError("frame of %d bytes is too large" % size)
    body = _read_exact(stream, size)
    if body is None:
        raise ProtocolError("stream ended inside a frame")
    return body


def _read_exact(stream, size):
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame_fd(fd: int, deadline: float, limit: int = MAX_FRAME) -> bytes | None:
    """Read one frame from a file descriptor, raising TimeoutError past ``deadline``
    (a ``time.monotonic()`` value) and :class:`FrameTooLarge` past ``limit`` bytes; None
    when the writer closed before a frame began."""
    head = _read_exact_fd(fd, HEADER.size, deadline)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > limit:
        raise FrameTooLarge("frame of %d bytes is too large" % size)
    body = _read_exact_fd(fd, size, deadline)
    if body is None:
        raise ProtocolError("stream ended inside a frame")
    return body


def _read_exact_fd(fd, size, deadline):
    chunks = []
    while size:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        readable, _, _ = select.select([fd], [], [], remaining)
        if not readable:
            continue
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
