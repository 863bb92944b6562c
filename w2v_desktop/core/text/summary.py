"""What a corpus looks like, in plot-ready numbers: sizes, the Zipf curve, sentence lengths.

The data panel draws these; the counting lives here so it is tested without Qt.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from w2v_desktop.core.text.corpus import Corpus


@dataclass(frozen=True)
class CorpusSummary:
    """What the data panel plots: sizes, the Zipf curve, the length histogram, a preview."""

    n_sentences: int
    n_tokens: int
    n_types: int
    zipf_ranks: np.ndarray  # 1-based ranks, log-spaced sample
    zipf_counts: np.ndarray  # count at each sampled rank
    length_edges: np.ndarray  # histogram bin edges (tokens per sentence)
    length_hist: np.ndarray  # sentences per bin
    preview: list[str]  # the first sentences, joined

    def zipf_points_within(self, top_ranks: int) -> int:
        """How many of the sampled Zipf points have rank <= ``top_ranks`` (the kept words)."""
        return int(np.searchsorted(self.zipf_ranks, top_ranks, side="right"))


def summarize_corpus(corpus: Corpus, zipf_points: int = 2000, preview: int = 8,
                     preview_chars: int = 300) -> CorpusSummary:
    """Plot-ready numbers; a log-spaced rank sample draws the same curve as every rank.

    Preview lines are cut at ``preview_chars``: a corpus with one document per line would
    otherwise hand the text view whole documents to lay out."""
    counts = np.sort(np.asarray(corpus.counts))[::-1]
    n_types = len(counts)
    if n_types:
        ranks = np.unique(np.geomspace(1, n_types, min(zipf_points, n_types)).astype(np.int64))
        zipf_counts = counts[ranks - 1]
    else:
        ranks = zipf_counts = np.zeros(0, np.int64)
    lengths = corpus.sentence_lengths()
    if len(lengths):
        low = int(lengths.min())
        top = int(np.percentile(lengths, 99.5))  # one very long line must not squash the plot
        width = max(1, -(-(top - low + 1) // 60))  # integer-wide bins: lengths are integers
        edges = np.arange(low - 0.5, top + width + 0.5, width)
        hist, edges = np.histogram(np.minimum(lengths, top), bins=edges)
    else:
        edges, hist = np.array([0.0, 1.0]), np.zeros(1, np.int64)
    lines = [shorten(" ".join(corpus.sentence(i)), preview_chars) for i in range(min(preview, corpus.n_sentences))]
    return CorpusSummary(corpus.n_sentences, corpus.n_tokens, n_types, ranks, zipf_counts,
                         edges, hist, lines)


def shorten(line: str, width: int) -> str:
    return line if len(line) <= width else line[:width - 1] + "\N{HORIZONTAL ELLIPSIS}"


def example_names(words, counts, n: int = 3, items: bool = False) -> list[str]:
    """``n`` names of this data to suggest as examples (the watch list, the analogy fields).

    Items: the most frequent. Words: frequent but not the most frequent (those are
    function words), letters only (CJK counts as letters), not a stop word (the
    built-in English and Chinese lists), at least 2 characters (3 for Latin script),
    picked from ranks spread over the first few hundred such words, so that a
    Chinese corpus gets Chinese examples from its own vocabulary."""
    order = np.argsort(-np.asarray(counts), kind="stable")
    if items:
        return [str(words[i]) for i in order[:n]]
    from w2v_desktop.core.text.stopwords import builtin_stop_words

    stop = builtin_stop_words("english") | builtin_stop_words("chinese")
    candidates = []
    for i in order[:5000]:
        word = str(words[i])
        wide = any(ord(ch) > 0x2E80 for ch in word)  # CJK and after: 2 characters make a word
        if word.isalpha() and len(word) >= (2 if wide else 3) and word.casefold() not in stop:
            candidates.append(word)
            if len(candidates) >= 300:
                break
    if len(candidates) <= n:
        return candidates
    picks = np.unique(np.geomspace(5, len(candidates) - 1, n).astype(int)) if len(candidates) > 5 + n \
        else np.arange(n)
    return [candidates[i] for i in picks][:n]
