"""The recurrent-network talk's examples as data, for the graders and the plots of ``rnn``.

The talk gives no weights: it describes what they do. These are the smallest weights
that do it, so that checks and pictures can show the talk's behaviour:

- :data:`CYCLE`: the flatmate's cycle, pizza yesterday votes for sushi tonight, sushi for
  waffles, waffles for pizza (dinners in the order of :data:`DINNERS`); :data:`LEAKY_CYCLE`
  the same cycle kept 8 nights in 10 (for the plot: the votes blur as nights pass);
- :func:`sentence_weights`: the children's book network that writes "doug saw jane."
  again and again; :func:`talk_rnn_weights`: the talk's one-step network (names vote for
  "saw", and a little for the period; "saw" and the period vote for every name alike),
  which writes "doug saw doug ...";
- :func:`book_lstm_weights`: an LSTM that does what the talk's walkthrough says: after
  "doug" it predicts "saw" and holds a vote against "doug"; after "saw" its forget gate
  keeps that vote, so it predicts "jane" and "spot" but not "doug".
"""

from __future__ import annotations

import numpy as np

DINNERS = ["pizza", "sushi", "waffles"]
BOOK_WORDS = ["doug", "jane", "spot", "saw", "."]
NAMES = ["doug", "jane", "spot"]
BOOK_STORY = ["jane", "saw", "spot", ".", "doug", "saw", "jane", "."]  # the talk's story, and on

# CYCLE[i][j]: dinner j yesterday votes for dinner i tonight.
CYCLE = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
# A flatmate who keeps the cycle 8 nights in 10: unrolled, the votes blur night after night.
LEAKY_CYCLE = 0.8 * CYCLE + 0.1 * (1 - CYCLE)


def _votes(pairs, words=BOOK_WORDS):
    """A weight matrix from (word now, word next, vote) triples."""
    weights = np.zeros((len(words), len(words)))
    for now, then, vote in pairs:
        weights[words.index(then), words.index(now)] = vote
    return weights


def sentence_weights():
    """doug votes for saw, saw for jane, jane for the period, the period for doug (spot for saw)."""
    return _votes([("doug", "saw", 1.0), ("spot", "saw", 1.0), ("saw", "jane", 1.0),
                   ("jane", ".", 1.0), (".", "doug", 1.0)])


def talk_rnn_weights():
    """The talk's network: a name votes for saw (and a little for the period), saw and the
    period vote for every name alike: it can write "doug saw doug"."""
    pairs = [(n, "saw", 1.0) for n in NAMES] + [(n, ".", 0.5) for n in NAMES]
    pairs += [(w, n, 1.0) for w in ("saw", ".") for n in NAMES]
    return _votes(pairs)


def book_lstm_weights(strength=6.0):
    """The weights of the talk's LSTM walkthrough, each of shape (5, 10): the words of
    ``v = concatenate([x, prediction])`` vote, the prediction's half has weight 0."""
    s = strength
    names = [BOOK_WORDS.index(n) for n in NAMES]
    saw, period = BOOK_WORDS.index("saw"), BOOK_WORDS.index(".")
    size = len(BOOK_WORDS)
    candidate = np.zeros((size, size))
    for n in names:
        candidate[saw, n] = 0.5 * s  # a name: "saw" comes next ...
        candidate[period, n] = 0.15 * s  # ... or, less likely, the period
        candidate[n, n] = -0.5 * s  # ... and not this name again soon
        candidate[n, saw] = candidate[n, period] = 0.5 * s  # after saw or a period: a name
    ignore = np.full((size, size), s)  # the walkthrough skips ignoring: every candidate let in
    forget = np.full((size, size), -s)  # forget everything ...
    for n in names:
        forget[n, saw] = s  # ... but after "saw", keep the votes about names
    select = np.full((size, size), -s)
    for n in names:
        select[saw, n] = select[period, n] = s  # after a name, release saw or the period
        select[n, saw] = select[n, period] = s  # after saw or a period, release the names
    zeros = np.zeros((size, size))
    return {name: np.hstack([w, zeros]) for name, w in
            (("candidate", candidate), ("ignore", ignore), ("forget", forget), ("select", select))}


def lstm_gates(x, prediction, weights):
    """The three gates of ``lstm_step`` (as the talk defines them) for one step."""
    v = np.concatenate([np.asarray(x, dtype=float), np.asarray(prediction, dtype=float)])
    return {name: 1 / (1 + np.exp(-(np.asarray(weights[name], dtype=float) @ v)))
            for name in ("ignore", "forget", "select")}
