"""The course's secret: randomized cases the whole class shares but no learner can see.

Without a secret, a lesson's randomized cases come from its public seed (``Lesson.seed``,
fixed per lesson and kit version) and a failing case is shown in full: a learner can
replay it with ``grade lessonN --seed N``. That is what a learner's own machine needs,
but a learner who may resubmit (Gradescope, a CI job) could then hard-code the draws a
report shows, one failing check at a time.

With a secret (``GROKKING_SEED_SECRET``, ``c.KitGrade.secret``, ``--secret-file``), the
seed of a lesson is an HMAC of (secret, lesson, kit version): still the same for the whole
class and at every run, so a score stays a function of the code, but unknown to learners.
Such a seed is a :class:`SecretSeed`: it draws like any seed but is never shown — its
text is "secret", ``"%d" % seed`` and ``json.dumps(seed)`` fail rather than print it —
and the reports of its runs say what went wrong on a drawn case in words, never the
case's values (``CheckRecord.hide_case``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path

ENV = "GROKKING_SEED_SECRET"
SHOWN = "secret"  # what every report, CSV, JSON and checkpoint says instead of such a seed


def sentence(lesson_name) -> str:
    """What a report of a run under the secret says of its randomized cases."""
    return ("Randomized cases of %s: drawn from the course's secret, the same at every run and for every "
            "student; a failing one is said in words, without its values." % lesson_name)


class SecretError(ValueError):
    """A secret that cannot be used (an empty or unreadable file)."""


@dataclass(frozen=True)
class SecretSeed:
    """The seed of a lesson's randomized cases under the course's secret: the draws use
    ``value``; every rendering of the seed says "secret"."""

    value: int = field(repr=False)
    fingerprint: str = ""  # tells two secrets apart (a checkpoint made under another), reveals neither

    def __repr__(self):
        return SHOWN

    __str__ = __repr__

    def __format__(self, spec):
        return SHOWN


def read(secret_file=None, environ=None) -> str | None:
    """The course's secret: the first line of ``secret_file`` when one is given, else
    ``$GROKKING_SEED_SECRET``; None when neither is set."""
    if secret_file is not None:
        path = Path(secret_file)
        try:
            text = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise SecretError("the secret file %s cannot be read: %s" % (path, exc)) from None
        if not text:
            raise SecretError("the secret file %s is empty: put one line of random text in it "
                              "(python3 -c 'import secrets; print(secrets.token_hex(32))' > %s)" % (path, path))
        return text
    text = (os.environ if environ is None else environ).get(ENV, "").strip()
    return text or None


def _mac(secret: str, message: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()


def derive(secret: str, lesson_name: str) -> SecretSeed:
    """The seed of ``lesson_name`` under ``secret``: a function of (secret, lesson, kit
    version) only, the same for every student and run."""
    from .. import __version__

    digest = _mac(secret, "seed %s %s" % (lesson_name, __version__))
    return SecretSeed(int.from_bytes(digest[:16], "big"), fingerprint(secret))


def fingerprint(secret: str) -> str:
    """Tells two secrets apart (a checkpoint made under another one); neither the secret
    nor any seed can be found from it."""
    return _mac(secret, "fingerprint").hex()[:16]


def lesson_seed(lesson, secret: str | None = None):
    """The seed of a lesson's randomized cases when none is asked for: derived from the
    secret when there is one (``secret`` or, when it is None, the environment's), else the
    lesson's public seed."""
    secret = secret if secret is not None else read()
    return derive(secret, lesson.name) if secret else lesson.seed


def is_secret(seed) -> bool:
    return isinstance(seed, SecretSeed)


def entropy(seed) -> int:
    """The number a generator is seeded from."""
    return seed.value if isinstance(seed, SecretSeed) else seed


def shown(seed):
    """A seed as a report may show it: the number, or "secret"."""
    return SHOWN if isinstance(seed, SecretSeed) else seed
