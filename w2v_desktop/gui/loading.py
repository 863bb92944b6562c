"""Jobs that read data off the GUI thread (run them with ``AppState.run_in_worker``).

Each is a generator: yields are progress lines for the status bar and cancel
points; the return value is the loaded object. They only orchestrate core
readers; parsing rules live in core.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Iterator

import numpy as np

from w2v_desktop.core.corpus import Corpus, CorpusBuilder
from w2v_desktop.core.tokenize import TokenizeOptions, iter_token_lines

REPORT_EVERY_S = 0.1


@dataclass(frozen=True)
class LoadProgress:
    message: str
    fraction: float | None = None  # None: unknown


def load_text_corpus(path: str, options: TokenizeOptions | None = None) -> Iterator[LoadProgress]:
    """Tokenise a text file into a Corpus (the same rules as core.corpus.read_corpus)."""
    name = os.path.basename(str(path))
    builder = CorpusBuilder()
    read = [0, 0]  # bytes done, total: updated by the tokeniser as it reads

    def on_progress(done: int, total: int) -> None:
        read[0], read[1] = done, total

    last = time.monotonic()
    for n_lines, tokens in enumerate(iter_token_lines(str(path), options, on_progress=on_progress), start=1):
        builder.add(tokens)
        now = time.monotonic()
        if now - last >= REPORT_EVERY_S:
            last = now
            fraction = read[0] / read[1] if read[1] else None
            yield LoadProgress(f"Reading {name}: {n_lines:,} sentences", fraction)
    yield LoadProgress(f"Counting words of {name}", 1.0)
    return builder.finish(source=str(path))


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


def summarize_corpus(corpus: Corpus, zipf_points: int = 2000, preview: int = 8) -> CorpusSummary:
    """Plot-ready numbers; a log-spaced rank sample draws the same curve as every rank."""
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
    lines = [" ".join(corpus.sentence(i)) for i in range(min(preview, corpus.n_sentences))]
    return CorpusSummary(corpus.n_sentences, corpus.n_tokens, n_types, ranks, zipf_counts,
                         edges, hist, lines)
