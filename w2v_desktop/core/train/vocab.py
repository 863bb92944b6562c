"""Vocabulary: counts, pruning, subsampling, noise distribution, Huffman tree.

Ids are sorted by descending count (ties keep first-appearance order), so the
N most frequent words are ids 0..N-1. Words added later by continued training
are appended after the existing ids, whatever their counts.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit
from w2v_desktop.core.untrusted import InputError
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase


class VocabError(InputError):
    """The vocabulary cannot be built as asked (e.g. nothing survives min_count)."""


@dataclass(frozen=True)
class VocabReport:
    """What pruning kept and dropped; answers "why did so few items get vectors"."""

    total_tokens: int
    total_types: int
    kept_tokens: int
    kept_types: int
    min_count: int
    max_vocab: int | None

    @property
    def dropped_tokens(self) -> int:
        return self.total_tokens - self.kept_tokens

    @property
    def dropped_types(self) -> int:
        return self.total_types - self.kept_types

    @property
    def coverage(self) -> float:
        """Share of corpus tokens whose word gets a vector."""
        return self.kept_tokens / self.total_tokens if self.total_tokens else 0.0

    def lines(self) -> list[Phrase]:
        cap = f", max_vocab={self.max_vocab:,}" if self.max_vocab else ""
        return [
            Phrase(QT_TR_NOOP("corpus: {tokens:,} tokens, {types:,} distinct"),
                   tokens=self.total_tokens, types=self.total_types),
            Phrase(QT_TR_NOOP("kept (min_count={min_count}{cap}): {types:,} distinct, {tokens:,} tokens "
                              "({coverage:.1%} of the corpus)"), min_count=self.min_count, cap=cap,
                   types=self.kept_types, tokens=self.kept_tokens, coverage=self.coverage),
            Phrase(QT_TR_NOOP("dropped: {types:,} distinct, {tokens:,} tokens"),
                   types=self.dropped_types, tokens=self.dropped_tokens),
        ]


def kept_ids(counts: np.ndarray, min_count: int, max_vocab: int | None = None) -> np.ndarray:
    """Indices into ``counts`` that survive pruning, most frequent first (stable)."""
    counts = np.asarray(counts)
    order = np.argsort(-counts, kind="stable")
    order = order[counts[order] >= min_count]
    if max_vocab is not None:
        order = order[:max_vocab]
    return order


def report_for(counts: np.ndarray, min_count: int, max_vocab: int | None = None) -> VocabReport:
    """Pruning report for raw counts, without building anything (live previews)."""
    counts = np.asarray(counts, dtype=np.int64)
    kept = kept_ids(counts, min_count, max_vocab)
    return VocabReport(int(counts.sum()), int(len(counts)), int(counts[kept].sum()), int(len(kept)),
                       min_count, max_vocab)


class Vocab:
    def __init__(self, words: list[str], counts: np.ndarray):
        self.words = list(words)
        self.counts = np.asarray(counts, dtype=np.int64)
        self.index = {w: i for i, w in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    @classmethod
    def from_counts(cls, words: list[str], counts: np.ndarray, min_count: int,
                    max_vocab: int | None = None) -> tuple["Vocab", np.ndarray, VocabReport]:
        """Prune raw (word, count) pairs; returns the vocab, a remap array from
        raw index to vocab id (-1 where dropped), and the report."""
        counts = np.asarray(counts, dtype=np.int64)
        kept = kept_ids(counts, min_count, max_vocab)
        remap = np.full(len(counts), -1, dtype=np.int32)
        remap[kept] = np.arange(len(kept), dtype=np.int32)
        vocab = cls([words[i] for i in kept], counts[kept])
        report = VocabReport(int(counts.sum()), len(counts), int(counts[kept].sum()), len(kept),
                             min_count, max_vocab)
        return vocab, remap, report

    def extended(self, words: list[str], counts: np.ndarray, min_count: int
                 ) -> tuple["Vocab", np.ndarray, int]:
        """A vocab with new words (count >= min_count in the new data) appended.

        Existing words keep their ids and add the new counts. Returns the new
        vocab, a remap from the new data's raw index to vocab id (-1 dropped),
        and the number of words added.
        """
        counts = np.asarray(counts, dtype=np.int64)
        merged = self.counts.copy()
        remap = np.full(len(words), -1, dtype=np.int32)
        new_words: list[str] = []
        new_counts: list[int] = []
        for raw, (word, count) in enumerate(zip(words, counts)):
            i = self.index.get(word)
            if i is not None:
                merged[i] += count
                remap[raw] = i
            elif count >= min_count:
                remap[raw] = len(self.words) + len(new_words)
                new_words.append(word)
                new_counts.append(int(count))
        vocab = Vocab(self.words + new_words, np.concatenate([merged, np.array(new_counts, np.int64)]))
        return vocab, remap, len(new_words)

    def keep_probabilities(self, sample: float) -> np.ndarray:
        """word2vec subsampling: keep a word of count c with probability
        (sqrt(c / t) + 1) * t / c, t = sample * total, capped at 1."""
        if sample <= 0:
            return np.ones(len(self), dtype=np.float32)
        threshold = sample * float(self.counts.sum())
        c = self.counts.astype(np.float64)
        return np.minimum(1.0, (np.sqrt(c / threshold) + 1.0) * threshold / c).astype(np.float32)

    def noise_distribution(self, exponent: float) -> np.ndarray:
        """Negative-sampling distribution: count ** exponent, normalised."""
        weights = self.counts.astype(np.float64) ** exponent
        return weights / weights.sum()

    def alias_table(self, exponent: float) -> tuple[np.ndarray, np.ndarray]:
        """Vose alias table for O(1) negative draws from a V-sized table."""
        return build_alias(self.noise_distribution(exponent))

    def huffman(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Codes (uint8, V x L), points (int32, V x L: inner-node rows of syn1)
        and code lengths (int32) of a Huffman tree over the counts."""
        if len(self) < 2:
            raise VocabError("hierarchical softmax needs at least 2 words in the vocabulary")
        order = np.argsort(-self.counts, kind="stable")
        codes, points, lengths = build_huffman(self.counts[order])
        inverse = np.empty_like(order)
        inverse[order] = np.arange(len(order))
        return codes[inverse], points[inverse], lengths[inverse]


@njit(nogil=True, cache=True)
def build_alias(probs):
    n = probs.shape[0]
    prob = np.zeros(n, dtype=np.float32)
    alias = np.arange(n).astype(np.int32)
    scaled = probs * n
    small = np.empty(n, dtype=np.int64)
    large = np.empty(n, dtype=np.int64)
    ns = 0
    nl = 0
    for i in range(n):
        if scaled[i] < 1.0:
            small[ns] = i
            ns += 1
        else:
            large[nl] = i
            nl += 1
    while ns > 0 and nl > 0:
        ns -= 1
        s = small[ns]
        g = large[nl - 1]
        prob[s] = scaled[s]
        alias[s] = g
        scaled[g] = (scaled[g] + scaled[s]) - 1.0
        if scaled[g] < 1.0:
            nl -= 1
            small[ns] = g
            ns += 1
    for i in range(nl):
        prob[large[i]] = 1.0
    for i in range(ns):
        prob[small[i]] = 1.0
    return prob, alias


@njit(nogil=True, cache=True)
def build_huffman(sorted_counts):
    """The word2vec C tool's linear-time construction over counts sorted
    descending; inner node j (0..V-2) is row j of the output matrix."""
    v = sorted_counts.shape[0]
    count = np.empty(2 * v - 1, dtype=np.int64)
    count[:v] = sorted_counts
    count[v:] = np.iinfo(np.int64).max // 4
    parent = np.zeros(2 * v - 1, dtype=np.int64)
    binary = np.zeros(2 * v - 1, dtype=np.uint8)
    pos1 = v - 1
    pos2 = v
    for a in range(v - 1):
        if pos1 >= 0 and count[pos1] < count[pos2]:
            min1 = pos1
            pos1 -= 1
        else:
            min1 = pos2
            pos2 += 1
        if pos1 >= 0 and count[pos1] < count[pos2]:
            min2 = pos1
            pos1 -= 1
        else:
            min2 = pos2
            pos2 += 1
        count[v + a] = count[min1] + count[min2]
        parent[min1] = v + a
        parent[min2] = v + a
        binary[min2] = 1
    lengths = np.zeros(v, dtype=np.int32)
    for a in range(v):
        b = a
        n = 0
        while b != 2 * v - 2:
            n += 1
            b = parent[b]
        lengths[a] = n
    max_len = lengths.max()
    codes = np.zeros((v, max_len), dtype=np.uint8)
    points = np.zeros((v, max_len), dtype=np.int32)
    for a in range(v):
        n = lengths[a]
        b = a
        i = n - 1
        # walk leaf -> root, filling root -> leaf order from the end
        while b != 2 * v - 2:
            codes[a, i] = binary[b]
            points[a, i] = parent[b] - v
            b = parent[b]
            i -= 1
    return codes, points, lengths


@njit(nogil=True, cache=True)
def encode_ids(tokens, offsets, remap):
    """Map raw token ids through ``remap`` and drop the pruned ones (-1), in two
    passes with exact-size outputs (no corpus-sized temporaries)."""
    n_keep = 0
    for i in range(tokens.shape[0]):
        if remap[tokens[i]] >= 0:
            n_keep += 1
    ids = np.empty(n_keep, dtype=np.int32)
    new_offsets = np.empty_like(offsets)
    j = 0
    for s in range(offsets.shape[0] - 1):
        new_offsets[s] = j
        for t in range(offsets[s], offsets[s + 1]):
            v = remap[tokens[t]]
            if v >= 0:
                ids[j] = v
                j += 1
    new_offsets[offsets.shape[0] - 1] = j
    return ids, new_offsets
