import numpy as np
import pytest

from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.train.vocab import Vocab, VocabError, report_for


def test_ids_sorted_by_frequency_and_pruned():
    corpus = Corpus.from_sentences([["b", "a", "a", "c"], ["a", "b", "d"]])
    vocab, remap, report = Vocab.from_counts(corpus.words, corpus.counts, min_count=2)
    assert vocab.words == ["a", "b"]
    assert list(vocab.counts) == [3, 2]
    assert remap[corpus.words.index("c")] == -1
    assert (report.total_tokens, report.kept_tokens, report.dropped_types) == (7, 5, 2)
    assert report.coverage == pytest.approx(5 / 7)
    assert report_for(corpus.counts, 2) == report


def test_max_vocab_keeps_most_frequent():
    vocab, _, report = Vocab.from_counts(list("abcd"), np.array([5, 9, 7, 1]), min_count=1, max_vocab=2)
    assert vocab.words == ["b", "c"] and report.kept_types == 2


def test_subsampling_matches_word2vec_formula():
    counts = np.array([10_000, 1_000, 100, 10])
    vocab = Vocab(list("abcd"), counts)
    sample = 1e-3
    t = sample * counts.sum()
    expected = np.minimum(1, (np.sqrt(counts / t) + 1) * t / counts)
    np.testing.assert_allclose(vocab.keep_probabilities(sample), expected, rtol=1e-6)
    assert np.all(vocab.keep_probabilities(0) == 1)


def test_noise_distribution_uses_exponent():
    vocab = Vocab(list("abc"), np.array([100, 10, 1]))
    p = vocab.noise_distribution(0.75)
    np.testing.assert_allclose(p, np.array([100, 10, 1]) ** 0.75 / (np.array([100, 10, 1]) ** 0.75).sum())
    prob, alias = vocab.alias_table(0.75)
    # the alias table reproduces the distribution exactly
    n = len(p)
    recovered = prob / n
    for i in range(n):
        recovered[alias[i]] += (1 - prob[i]) / n
    np.testing.assert_allclose(recovered, p, atol=1e-6)


def test_huffman_prefix_free_and_lengths_follow_frequency():
    rng = np.random.default_rng(3)
    counts = np.sort(rng.integers(1, 10_000, 300))[::-1]
    shuffled = rng.permutation(len(counts))  # ids need not be sorted (continued training)
    vocab = Vocab([str(i) for i in range(300)], counts[shuffled])
    codes, points, lengths = vocab.huffman()
    words = ["".join(map(str, codes[i, :lengths[i]])) for i in range(300)]
    assert len(set(words)) == 300
    for a in words:
        for b in words:
            assert a == b or not b.startswith(a)
    order = np.argsort(-vocab.counts, kind="stable")
    assert np.all(np.diff(lengths[order]) >= 0)  # more frequent -> code no longer
    assert points.max() == 298 and points.min() >= 0
    # Kraft equality of a full binary tree
    assert sum(2.0 ** -lengths) == pytest.approx(1.0)


def test_huffman_needs_two_words():
    with pytest.raises(VocabError):
        Vocab(["a"], np.array([3])).huffman()


def test_extended_keeps_old_ids():
    vocab = Vocab(["a", "b"], np.array([5, 3]))
    new, remap, added = vocab.extended(["c", "a", "z"], np.array([4, 2, 1]), min_count=2)
    assert new.words == ["a", "b", "c"] and added == 1
    assert list(new.counts) == [7, 3, 4]
    assert list(remap) == [2, 0, -1]
