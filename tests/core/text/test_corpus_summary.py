"""Plot-ready corpus numbers for the data panel (no Qt)."""
import numpy as np

from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.text.summary import summarize_corpus


def zipf_corpus(n_types=500, seed=0):
    """Sentences whose word frequencies fall off as 1/rank, lengths 3..12."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, n_types + 1)
    words = [f"w{i}" for i in range(n_types)]
    return Corpus.from_sentences([[words[i] for i in rng.choice(n_types, size=rng.integers(3, 13), p=p / p.sum())]
                                  for _ in range(3000)], source="zipf")


def test_sizes_zipf_sample_and_length_histogram():
    corpus = zipf_corpus()
    summary = summarize_corpus(corpus, zipf_points=50, preview=3)
    assert (summary.n_sentences, summary.n_tokens, summary.n_types) == (3000, corpus.n_tokens, len(corpus.words))
    # a log-spaced sample of ranks from 1 to the last, counts read off the sorted counts
    assert summary.zipf_ranks[0] == 1 and summary.zipf_ranks[-1] == summary.n_types
    assert len(summary.zipf_ranks) <= 50 and np.all(np.diff(summary.zipf_ranks) > 0)
    by_rank = np.sort(corpus.counts)[::-1]
    assert np.array_equal(summary.zipf_counts, by_rank[summary.zipf_ranks - 1])
    # every sentence lands in one integer-centred bin
    assert summary.length_hist.sum() == 3000
    assert summary.length_edges[0] == 2.5 and summary.length_edges[-1] >= 12.5
    assert summary.preview == [" ".join(corpus.sentence(i)) for i in range(3)]


def test_one_very_long_line_does_not_squash_the_histogram():
    sentences = [["a", "b", "c"]] * 999 + [["x"] * 10_000]
    summary = summarize_corpus(Corpus.from_sentences(sentences))
    assert summary.length_edges[-1] < 100  # clipped at the 99.5th percentile
    assert summary.length_hist.sum() == 1000


def test_zipf_points_within_counts_the_kept_ranks():
    summary = summarize_corpus(zipf_corpus(), zipf_points=50)
    assert summary.zipf_points_within(0) == 0
    assert summary.zipf_points_within(summary.n_types) == len(summary.zipf_ranks)
    kept = int(summary.zipf_ranks[10])
    assert summary.zipf_points_within(kept) == 11


def test_preview_lines_are_cut():
    summary = summarize_corpus(Corpus.from_sentences([["word"] * 1000, ["short", "line"]]), preview_chars=50)
    assert len(summary.preview[0]) == 50 and summary.preview[0].endswith("\N{HORIZONTAL ELLIPSIS}")
    assert summary.preview[1] == "short line"


def test_empty_corpus():
    summary = summarize_corpus(Corpus.from_sentences([]))
    assert summary.n_types == 0 and len(summary.zipf_ranks) == 0 and summary.length_hist.sum() == 0
