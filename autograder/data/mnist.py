"""MNIST for the lessons that use it: find, verify, download and read the IDX files.

The files the kit uses (names, sizes, SHA-256, mirrors) are listed in the manifest
``datasets/mnist.toml``. They are looked for, in order, in

1. a folder given explicitly (``grade ... --data-dir DIR``),
2. the folder named by the environment variable ``GROKKING_DATA_DIR``,
3. the kit's cache folder in the user's cache directory (``grade data where``),

each file gzipped (``t10k-images-idx3-ubyte.gz``) or not. Every file is verified by the
SHA-256 of its uncompressed contents before use: a file that does not match is never
used (in the cache it is deleted). Only :func:`fetch` (``grade data fetch``) downloads,
from each mirror in turn, into the cache, with a progress bar; graders and tests never
download.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import tempfile
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np

PACKAGE = Path(__file__).resolve().parents[1]  # the autograder package
ENV_VAR = "GROKKING_DATA_DIR"
APP_NAME = "grokking-autograder"
FETCH_HINT = "grade data fetch"

_verified = {}  # (path, mtime, size) -> sha256, so a file is hashed once per process
_arrays = {}  # (path, mtime, size) -> the array read from it


class DataError(Exception):
    """The MNIST data cannot be had; the message says what to do (no traceback)."""


class DataMissing(DataError):
    """Some files are in none of the folders looked at."""


class DataCorrupt(DataError):
    """A file whose contents do not match the manifest's checksum."""


# ----------------------------------------------------------------------------- manifest


def manifest_path() -> Path:
    for candidate in (PACKAGE.parent / "datasets" / "mnist.toml", PACKAGE / "_datasets" / "mnist.toml"):
        if candidate.is_file():
            return candidate
    raise DataError("the MNIST manifest (datasets/mnist.toml) is not installed with the kit")


_manifest = None


def manifest() -> dict:
    """The manifest: ``{"mirrors": [...], "files": {key: {...}}}``."""
    global _manifest
    if _manifest is None:
        with open(manifest_path(), "rb") as f:
            _manifest = tomllib.load(f)
    return _manifest


def keys() -> list:
    """The manifest's file keys: train-images, train-labels, test-images, test-labels."""
    return list(manifest()["files"])


def entry(key: str) -> dict:
    files = manifest()["files"]
    if key not in files:
        raise KeyError("no MNIST file %r (known: %s)" % (key, ", ".join(files)))
    return files[key]


# ----------------------------------------------------------------------------- folders


def cache_dir() -> Path:
    """Where downloads go: the kit's folder in the user's cache directory."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME)) / "mnist"


def search_dirs(data_dir=None) -> list:
    """The folders looked at, in order (explicit folder, $GROKKING_DATA_DIR, cache)."""
    found = []
    if data_dir:
        found.append(Path(data_dir).expanduser())
    if os.environ.get(ENV_VAR):
        found.append(Path(os.environ[ENV_VAR]).expanduser())
    found.append(cache_dir())
    unique = []
    for d in found:
        if d not in unique:
            unique.append(d)
    return unique


def find(key: str, data_dir=None):
    """The path of ``key``'s file (gzipped or not) in the first folder that has it, or None."""
    name = entry(key)["file"]
    for folder in search_dirs(data_dir):
        for candidate in (folder / name, folder / (name + ".gz")):
            if candidate.is_file():
                return candidate
    return None


def missing(keys_wanted, data_dir=None) -> list:
    return [k for k in keys_wanted if find(k, data_dir) is None]


# ----------------------------------------------------------------------------- checksums


def _open(path: Path):
    return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")


def contents_sha256(path) -> str:
    """SHA-256 of the uncompressed contents; a truncated or broken gzip raises DataCorrupt."""
    path = Path(path)
    digest = hashlib.sha256()
    try:
        with _open(path) as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DataCorrupt("%s cannot be read to its end (%s): the file is truncated or damaged."
                          % (path, exc)) from None
    return digest.hexdigest()


def verify(key: str, path) -> None:
    """Raise DataCorrupt unless ``path`` holds exactly the manifest's ``key`` file."""
    path = Path(path)
    stat = path.stat()
    stamp = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    want = entry(key)["sha256"]
    if _verified.get(stamp) == want:
        return
    got = contents_sha256(path)
    if got != want:
        raise DataCorrupt("%s is not the MNIST file %s: its SHA-256 is %s, expected %s."
                          % (path, entry(key)["file"], got, want))
    _verified[stamp] = got


# ----------------------------------------------------------------------------- reading


def read_idx(path) -> np.ndarray:
    """Read an IDX file (gzipped or not) into an array of its shape and dtype."""
    path = Path(path)
    with _open(path) as f:
        data = f.read()
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise DataCorrupt("%s is not an IDX file (bad magic number)." % path)
    dtypes = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
    if data[2] not in dtypes:
        raise DataCorrupt("%s has an unknown IDX data type 0x%02x." % (path, data[2]))
    ndim = data[3]
    header = 4 + 4 * ndim
    shape = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    dtype = np.dtype(dtypes[data[2]])
    count = int(np.prod(shape)) if shape else 1
    if len(data) != header + count * dtype.itemsize:
        raise DataCorrupt("%s is truncated: %d bytes of data for shape %s."
                          % (path, len(data) - header, shape))
    return np.frombuffer(data, dtype=dtype, offset=header).reshape(shape).astype(dtype.newbyteorder("="))


def load(key: str, data_dir=None) -> np.ndarray:
    """The verified array of ``key`` (uint8 images (n, 28, 28) or labels (n,)); never downloads.

    Raises :class:`DataMissing` or :class:`DataCorrupt` with a message for the learner.
    """
    path = find(key, data_dir)
    if path is None:
        raise DataMissing(missing_message([key], data_dir))
    try:
        verify(key, path)
    except DataCorrupt as exc:
        if _in_cache(path):
            path.unlink(missing_ok=True)
            raise DataCorrupt("%s It was deleted from the cache; run `%s` to download it again."
                              % (exc, FETCH_HINT)) from None
        raise
    stat = path.stat()
    stamp = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if stamp not in _arrays:
        _arrays[stamp] = read_idx(path)
        _arrays[stamp].setflags(write=False)
    return _arrays[stamp]


def available(keys_wanted, data_dir=None) -> bool:
    """True when every file is found and verified (nothing is downloaded)."""
    try:
        for key in keys_wanted:
            load(key, data_dir)
    except DataError:
        return False
    return True


def _in_cache(path: Path) -> bool:
    try:
        return path.resolve().parent == cache_dir().resolve()
    except OSError:
        return False


def missing_message(keys_wanted, data_dir=None) -> str:
    names = ", ".join(entry(k)["file"] for k in keys_wanted)
    looked = ", ".join(str(d) for d in search_dirs(data_dir))
    return ("the MNIST file%s %s %s not found (looked in %s). Run `%s` to download %s "
            "(verified by checksum), or point %s or --data-dir at a folder that has %s "
            "(gzipped or not)." % ("s" if len(keys_wanted) > 1 else "", names,
                                   "are" if len(keys_wanted) > 1 else "is", looked, FETCH_HINT,
                                   "them" if len(keys_wanted) > 1 else "it", ENV_VAR,
                                   "them" if len(keys_wanted) > 1 else "it"))


# ----------------------------------------------------------------------------- the course's arrays


def course_arrays(n_train=1000, data_dir=None):
    """``(images, labels, test_images, test_labels)`` as the course's listings build them:
    the first ``n_train`` training images flattened to 784 pixels and divided by 255, the
    10,000 test images likewise, labels one-hot (n, 10). ``n_train=0`` needs no training
    images (the four values are then the test set twice)."""
    test_images = load("test-images", data_dir).reshape(-1, 28 * 28) / 255
    test_labels = one_hot(load("test-labels", data_dir))
    if n_train == 0:
        return test_images, test_labels, test_images, test_labels
    images = load("train-images", data_dir)[:n_train].reshape(-1, 28 * 28) / 255
    labels = one_hot(load("train-labels", data_dir)[:n_train])
    return images, labels, test_images, test_labels


def one_hot(labels, classes=10) -> np.ndarray:
    out = np.zeros((len(labels), classes))
    out[np.arange(len(labels)), np.asarray(labels, dtype=int)] = 1
    return out


# ----------------------------------------------------------------------------- downloading


def fetch(keys_wanted=None, *, data_dir=None, mirrors=None, target=None, progress=True, echo=print,
          timeout=60) -> dict:
    """Download the files not already present (and verified) into the cache.

    Each file is tried from every mirror in turn until one gives a file whose checksum
    matches; a file that does not match (or is cut short) is deleted and the next mirror
    is tried. Returns ``{key: path}``; raises :class:`DataMissing` naming every mirror's
    error when a file cannot be had.
    """
    keys_wanted = list(keys_wanted or keys())
    mirrors = list(mirrors or manifest()["mirrors"])
    target = Path(target) if target else cache_dir()
    done = {}
    for key in keys_wanted:
        present = find(key, data_dir) if target == cache_dir() else _find_in(target, key)
        if present is not None:
            try:
                verify(key, present)
                done[key] = present
                echo("%s: already there (%s)" % (entry(key)["file"], present))
                continue
            except DataCorrupt as exc:
                echo("%s" % exc)
                if present.parent.resolve() == target.resolve():
                    present.unlink(missing_ok=True)
        done[key] = _download(key, mirrors, target, progress=progress, echo=echo, timeout=timeout)
    return done


def _find_in(folder: Path, key: str):
    name = entry(key)["file"]
    for candidate in (folder / name, folder / (name + ".gz")):
        if candidate.is_file():
            return candidate
    return None


def _download(key, mirrors, target: Path, *, progress, echo, timeout):
    name = entry(key)["file"] + ".gz"
    target.mkdir(parents=True, exist_ok=True)
    final = target / name
    errors = []
    for mirror in mirrors:
        url = mirror.rstrip("/") + "/" + name
        # A partial download has another name, so that it is never found as the file itself.
        fd, tmp_name = tempfile.mkstemp(prefix=".partial-", suffix="-" + name, dir=target)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                _copy_url(url, out, progress=progress, label=name, timeout=timeout,
                          expected=entry(key).get("gz_bytes"))
            verify(key, tmp)
        except DataCorrupt as exc:
            errors.append("%s: checksum mismatch or truncated file (%s)" % (url, str(exc).split(": ", 1)[-1]))
            echo("%s from %s does not match its checksum: deleted, trying the next mirror." % (name, url))
            tmp.unlink(missing_ok=True)
            continue
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
            errors.append("%s: %s" % (url, getattr(exc, "reason", None) or exc))
            echo("%s: %s failed (%s), trying the next mirror." % (name, url, getattr(exc, "reason", None) or exc))
            tmp.unlink(missing_ok=True)
            continue
        os.replace(tmp, final)
        echo("%s: downloaded and verified (%s)" % (name, final))
        return final
    raise DataMissing("could not download %s from any mirror:\n  %s\nCheck the connection, or download "
                      "the file by hand and point %s or --data-dir at its folder."
                      % (name, "\n  ".join(errors), ENV_VAR))


def _copy_url(url, out, *, progress, label, timeout, expected=None):
    request = urllib.request.Request(url, headers={"User-Agent": APP_NAME})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        total = response.headers.get("Content-Length")
        total = int(total) if total and total.isdigit() else expected
        bar = None
        if progress:
            from tqdm import tqdm

            bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc=label, leave=False)
        received = 0
        try:
            while True:
                block = response.read(1 << 16)
                if not block:
                    break
                out.write(block)
                received += len(block)
                if bar is not None:
                    bar.update(len(block))
        finally:
            if bar is not None:
                bar.close()
    return received


def describe(data_dir=None) -> str:
    """Where the kit looks for MNIST and what it finds (``grade data where``)."""
    lines = ["The kit looks for the MNIST files in, in order:"]
    for folder in search_dirs(data_dir):
        origin = ("--data-dir" if data_dir and folder == Path(data_dir).expanduser()
                  else ENV_VAR if os.environ.get(ENV_VAR) and folder == Path(os.environ[ENV_VAR]).expanduser()
                  else "cache")
        lines.append("  %s  (%s%s)" % (folder, origin, "" if folder.is_dir() else ", does not exist"))
    lines.append("")
    for key in keys():
        path = find(key, data_dir)
        if path is None:
            state = "missing"
        else:
            try:
                verify(key, path)
                state = "ok  %s" % path
            except DataCorrupt:
                state = "CORRUPT  %s (checksum mismatch: not used)" % path
        lines.append("  %-24s %s" % (entry(key)["file"], state))
    if any(find(k, data_dir) is None for k in keys()):
        lines.append("")
        lines.append("Run `%s` to download the missing files." % FETCH_HINT)
    return "\n".join(lines) + "\n"


def clear_memory_cache():
    """Forget what this process verified and read (tests use it)."""
    _verified.clear()
    _arrays.clear()
    _samples.clear()
    global _manifest
    _manifest = None


__all__ = ["DataError", "DataMissing", "DataCorrupt", "ENV_VAR", "available", "cache_dir", "course_arrays",
           "describe", "fetch", "find", "load", "one_hot", "read_idx", "search_dirs", "verify"]


# ----------------------------------------------------------------------------- graders' samples


class Sample:
    """A small deterministic training set for the graders: MNIST test images when the
    files are on this machine, else synthetic images of the same shapes."""

    def __init__(self, kind, images, labels, test_images, test_labels, description):
        self.kind = kind  # "mnist" or "synthetic"
        self.images, self.labels = images, labels
        self.test_images, self.test_labels = test_images, test_labels
        self.description = description

    def __repr__(self):
        return "<Sample %s: %s>" % (self.kind, self.description)


_samples = {}


def grading_sample(n_train=40, n_test=40, data_dir=None) -> Sample:
    """The first ``n_train`` MNIST test images (divided by 255, labels one-hot) to train on
    and the next ``n_test`` to test on; never downloads. Without the MNIST test files, a
    synthetic set of the same shapes (sparse pixels in [0, 1), random labels), always the
    same."""
    key = (n_train, n_test, str(data_dir), os.environ.get(ENV_VAR))
    if key in _samples:
        return _samples[key]
    try:
        images = load("test-images", data_dir)[: n_train + n_test].reshape(-1, 28 * 28) / 255
        labels = one_hot(load("test-labels", data_dir)[: n_train + n_test])
        sample = Sample("mnist", images[:n_train], labels[:n_train], images[n_train:], labels[n_train:],
                        "%d MNIST test images to train on and the next %d to test on" % (n_train, n_test))
    except DataError as exc:
        why = "are not on this machine" if isinstance(exc, DataMissing) else "do not match their checksums"
        rng = np.random.default_rng(20080)
        n = n_train + n_test
        images = rng.random((n, 28 * 28)) * (rng.random((n, 28 * 28)) < 0.2)
        labels = one_hot(rng.integers(0, 10, n))
        sample = Sample("synthetic", images[:n_train], labels[:n_train], images[n_train:], labels[n_train:],
                        "a synthetic set of %d + %d images of MNIST's shapes (the MNIST test files %s: "
                        "`%s` or %s gives the real ones)" % (n_train, n_test, why, FETCH_HINT, ENV_VAR))
    for array in (sample.images, sample.labels, sample.test_images, sample.test_labels):
        array.setflags(write=False)
    _samples[key] = sample
    return sample


class FixedMasks:
    """Stands for a random ``Generator`` whose 0/1 draws are known: ``integers`` returns
    the given masks in turn (the graders' way to rerun a learner's dropout step)."""

    def __init__(self, *masks):
        self.masks = list(masks)

    def integers(self, low, high=None, size=None, **kwargs):
        mask = self.masks.pop(0)
        if size is not None and tuple(np.shape(mask)) != tuple(np.atleast_1d(size)):
            raise ValueError("mask of shape %s asked for, %s known" % (size, np.shape(mask)))
        return np.array(mask)


# ----------------------------------------------------------------------------- `grade data`


def _data_group():
    import click

    @click.group("data", help="The MNIST files of lessons 8-10: where the kit finds them, and downloading them.")
    def group():
        pass

    @group.command("where")
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="A folder of the MNIST IDX files to look in first.")
    def where(data_dir):
        """Show the folders looked in and the state of each MNIST file."""
        click.echo(describe(data_dir), nl=False)

    @group.command("fetch")
    @click.option("--mirror", "mirrors", multiple=True, metavar="URL",
                  help="Download from this mirror (a folder URL; repeat to try several in turn) instead of the "
                       "manifest's.")
    @click.option("--to", "target", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Download into this folder instead of the cache (then point GROKKING_DATA_DIR at it).")
    @click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
    def fetch_cmd(mirrors, target, quiet):
        """Download the MNIST files (about 11 MB), verified by checksum, into the cache."""
        import sys

        try:
            fetch(mirrors=list(mirrors) or None, target=target, progress=not quiet and sys.stderr.isatty(),
                  echo=click.echo)
        except DataError as exc:
            click.echo("grade: %s" % exc, err=True)
            sys.exit(1)
        click.echo("MNIST is ready (%s)." % (target or cache_dir()))

    return group


def __getattr__(name):
    if name == "data_group":
        return _data_group()
    raise AttributeError(name)
