"""Single updates of the Numba kernels against a NumPy reference."""
import numpy as np
import pytest
from numba import njit

from w2v_desktop.core.train import kernels
from w2v_desktop.core.train.vocab import Vocab


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def test_ns_update_matches_numpy_reference():
    rng = np.random.default_rng(0)
    dim, alpha, negative = 8, 0.05, 3
    syn0 = rng.normal(0, 0.5, (5, dim)).astype(np.float32)
    syn1 = rng.normal(0, 0.5, (5, dim)).astype(np.float32)
    negs = np.array([3, 3, 3], np.int32)  # the noise words of this prediction
    sig, nll = kernels.make_tables()
    ctx, target = 1, 2

    ref0, ref1 = syn0.astype(np.float64), syn1.astype(np.float64)
    l1 = ref0[ctx].copy()
    neu1e = np.zeros(dim)
    ref_loss = 0.0
    for word, label in [(target, 1)] + [(3, 0)] * negative:
        f = l1 @ ref1[word]
        ref_loss += -np.log(sigmoid(f) if label else sigmoid(-f))
        g = (label - sigmoid(f)) * alpha
        neu1e += g * ref1[word]
        ref1[word] += g * l1
    ref0[ctx] += neu1e

    work = np.zeros(dim, np.float32)
    loss = kernels.update_ns(syn0, ctx, target, syn1, work, alpha, negs, 0, negative, sig, nll)
    syn0[ctx] += work
    np.testing.assert_allclose(syn0, ref0, atol=2e-4)
    np.testing.assert_allclose(syn1, ref1, atol=2e-4)
    assert abs(loss - ref_loss) < 0.01 * ref_loss
    assert not np.allclose(syn1[3], syn1.astype(np.float64)[3] * 0)  # the noise row moved


def test_hs_update_matches_numpy_reference():
    rng = np.random.default_rng(1)
    dim, alpha = 6, 0.05
    vocab = Vocab(list("abcdef"), np.array([50, 30, 20, 10, 5, 1]))
    codes, points, lengths = vocab.huffman()
    syn0 = rng.normal(0, 0.5, (6, dim)).astype(np.float32)
    syn1 = rng.normal(0, 0.5, (5, dim)).astype(np.float32)
    sig, nll = kernels.make_tables()
    ctx, target = 0, 4

    ref1 = syn1.astype(np.float64)
    l1 = syn0[ctx].astype(np.float64)
    neu1e = np.zeros(dim)
    ref_loss = 0.0
    for j in range(lengths[target]):
        node, label = points[target, j], 1 - codes[target, j]
        f = l1 @ ref1[node]
        ref_loss += -np.log(sigmoid(f) if label else sigmoid(-f))
        g = (label - sigmoid(f)) * alpha
        neu1e += g * ref1[node]
        ref1[node] += g * l1

    work = np.zeros(dim, np.float32)
    loss = kernels.update_hs(syn0, ctx, target, syn1, work, alpha, codes, points, lengths, sig, nll)
    np.testing.assert_allclose(syn1, ref1, atol=2e-4)
    np.testing.assert_allclose(work, neu1e, atol=2e-4)
    assert abs(loss - ref_loss) < 0.01 * ref_loss


@njit
def _draws(n, prob, alias, seed):
    out = np.empty(n, np.int64)
    r = seed
    for i in range(n):
        r = kernels.next_random(r)
        out[i] = kernels.draw_noise(r, prob, alias)
    return out


def test_kernel_noise_draws_follow_unigram_power():
    counts = np.array([1000, 400, 150, 60, 20, 5, 1])
    vocab = Vocab([str(i) for i in range(len(counts))], counts)
    prob, alias = vocab.alias_table(0.75)
    draws = _draws(400_000, prob, alias, np.int64(7))
    empirical = np.bincount(draws, minlength=len(counts)) / len(draws)
    expected = counts ** 0.75 / (counts ** 0.75).sum()
    np.testing.assert_allclose(empirical, expected, atol=0.004)


def test_sigmoid_tables_match_formula():
    sig, nll = kernels.make_tables()
    for f in (-5.9, -1.0, 0.0, 0.3, 2.5, 5.9):
        s, loss_pos = kernels.sigmoid_nll(np.float32(f), sig, nll, 1)
        _, loss_neg = kernels.sigmoid_nll(np.float32(f), sig, nll, 0)
        assert abs(s - sigmoid(f)) < 2e-3
        assert abs(loss_pos - np.logaddexp(0, -f)) < 5e-3
        assert abs(loss_neg - np.logaddexp(0, f)) < 5e-3


def test_subsampling_keeps_each_word_with_its_probability():
    keep = np.array([1.0, 0.5, 0.1], np.float32)
    raw = np.tile(np.arange(3, dtype=np.int32), 100_000)
    offsets = np.array([0, 150_000, 300_000], np.int64)
    kept, new_offsets = kernels.subsample_ids(raw, offsets, keep, 99)
    rates = np.bincount(kept, minlength=3) / 100_000
    np.testing.assert_allclose(rates, keep, atol=0.006)
    assert new_offsets[0] == 0 and new_offsets[-1] == len(kept)
    first = kept[:new_offsets[1]]
    assert len(first) == pytest.approx((1.0 + 0.5 + 0.1) * 50_000, rel=0.02)  # sentence boundary carried over
