"""The loss on a fixed sample of training pairs, measured at each epoch end.

The online loss (the mean over the pairs an epoch trained, each measured as it
was trained) answers "how well did the model predict what it was about to
learn"; on a corpus sorted by topic it flatters the early epochs, whose high
learning rate fits each topic while its pairs go by, and it can rise in the
last epochs as the rate decays (see the README). A fixed sample, drawn once
before training and scored with the same objective after each epoch, answers
"how good is the model now" on a ruler that does not move.

The sample is drawn from the training data (it is trained on like every other
pair; holding it out would change the model being measured): ``SAMPLE_PAIRS``
predictions at random positions, subsampled as training subsamples, each with
its shrunk window and, for negative sampling, its noise words drawn once. The
kernel scores them without updating anything (``nogil``, a few milliseconds
for 10,000 pairs of dimension 100: nothing next to an epoch).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

from w2v_desktop.core.train.kernels import subsample_ids

SAMPLE_PAIRS = 10_000
MAX_SPAN = 1_000  # tokens of a sentence subsampled to draw one prediction
_KW = dict(nogil=True, cache=True, fastmath=True)


@dataclass(frozen=True)
class PairSample:
    """Predictions to score: ``targets[i]`` from the (mean or sum of the) input rows
    ``inputs[starts[i]:starts[i + 1]]``, against ``noise[i]`` (negative sampling)."""

    targets: np.ndarray  # int32 (n,)
    inputs: np.ndarray  # int32, concatenated input words
    starts: np.ndarray  # int64 (n + 1,)
    noise: np.ndarray  # int32 (n, negative); (n, 0) for hierarchical softmax

    def __len__(self) -> int:
        return len(self.targets)


def draw_sample(ids: np.ndarray, offsets: np.ndarray, keep: np.ndarray, noise_p: np.ndarray | None,
                sg: bool, window: int, negative: int, seed: int, n: int = SAMPLE_PAIRS) -> PairSample:
    """``n`` predictions the trainer could make: sentences drawn by length, each
    subsampled with ``keep`` (keep probability per word), a centre position and its
    shrunk window; skip-gram takes one context word of the window as input, CBOW
    all of them. ``noise_p`` (the noise distribution) draws ``negative`` noise
    words per prediction; None for hierarchical softmax."""
    rng = np.random.default_rng([seed, 0x9E37])
    lengths = np.diff(offsets)
    usable = np.flatnonzero(lengths >= 2)
    empty = PairSample(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(1, np.int64),
                       np.zeros((0, negative if noise_p is not None else 0), np.int32))
    if not len(usable) or n <= 0:
        return empty
    weights = lengths[usable] / lengths[usable].sum()
    targets, inputs, starts = [], [], [0]
    tries = 0
    while len(targets) < n and tries < 20 * n:
        picks = usable[rng.choice(len(usable), size=min(4 * n, 1 << 16), p=weights)]
        for s in picks:
            tries += 1
            lo_raw, hi_raw = int(offsets[s]), int(offsets[s + 1])
            if hi_raw - lo_raw > MAX_SPAN:  # one long stream (text8): a random stretch of it
                lo_raw += int(rng.integers(hi_raw - lo_raw - MAX_SPAN + 1))
                hi_raw = lo_raw + MAX_SPAN
            raw = ids[lo_raw:hi_raw]
            kept, _ = subsample_ids(raw, np.array([0, len(raw)], np.int64), keep, int(rng.integers(1 << 62)))
            if len(kept) < 2:
                continue
            t = int(rng.integers(len(kept)))
            reduce = int(rng.integers(window))
            lo, hi = max(0, t - window + reduce), min(len(kept), t + window + 1 - reduce)
            context = [c for c in range(lo, hi) if c != t]
            if not context:
                continue
            if sg:
                context = [context[int(rng.integers(len(context)))]]
            targets.append(kept[t])
            inputs.extend(kept[c] for c in context)
            starts.append(len(inputs))
            if len(targets) == n:
                break
    if not targets:
        return empty
    noise = (rng.choice(len(noise_p), size=(len(targets), negative), p=noise_p).astype(np.int32)
             if noise_p is not None else np.zeros((len(targets), 0), np.int32))
    return PairSample(np.asarray(targets, np.int32), np.asarray(inputs, np.int32),
                      np.asarray(starts, np.int64), noise)


@njit(**_KW)
def _softplus(x):
    # -log(sigmoid(-x)) without overflow
    return max(x, 0.0) + np.log1p(np.exp(-abs(x)))


@njit(**_KW)
def score_pairs(targets, inputs, starts, noise, syn0, syn1, use_hs, codes, points, code_lengths, cbow_mean):
    """Mean loss per prediction over the sample, with the training objective
    (negative sampling: the target and its noise words; HS: the target's path);
    the weights are only read."""
    n = targets.shape[0]
    dim = syn0.shape[1]
    h = np.empty(dim, np.float32)
    total = 0.0
    for i in range(n):
        a, b = starts[i], starts[i + 1]
        for k in range(dim):
            h[k] = 0.0
        for j in range(a, b):
            for k in range(dim):
                h[k] += syn0[inputs[j], k]
        if cbow_mean and b - a > 1:
            for k in range(dim):
                h[k] /= b - a
        target = targets[i]
        loss = 0.0
        if use_hs:
            for j in range(code_lengths[target]):
                node = points[target, j]
                f = 0.0
                for k in range(dim):
                    f += h[k] * syn1[node, k]
                loss += _softplus(f if codes[target, j] == 1 else -f)
        else:
            f = 0.0
            for k in range(dim):
                f += h[k] * syn1[target, k]
            loss += _softplus(-f)
            for d in range(noise.shape[1]):
                word = noise[i, d]
                if word == target:
                    continue
                f = 0.0
                for k in range(dim):
                    f += h[k] * syn1[word, k]
                loss += _softplus(f)
        total += loss
    return total / n if n else np.nan
