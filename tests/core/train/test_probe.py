"""The fixed sample of pairs scored at each epoch end, and shuffled sentence order."""
import math

import numpy as np
import pytest

from w2v_desktop.core.config import ConfigError, TrainConfig
from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.train import probe
from w2v_desktop.core.train.trainer import Trainer, _reordered_offsets, _subsample, sentence_order


def sorted_topics(n_per_topic=600, topics=6, seed=0):
    """Sentences grouped by topic, the topics one after another (as 20news is by newsgroup)."""
    rng = np.random.default_rng(seed)
    return Corpus.from_sentences(
        [[f"t{t}_{i}" for i in rng.integers(0, 15, 10)] for t in range(topics) for _ in range(n_per_topic)],
        source="sorted")


def softplus(x):
    return np.logaddexp(0.0, x)


def reference_loss(sample, syn0, syn1, cbow_mean=True):
    """The NS objective, written plainly in numpy."""
    total = 0.0
    for i, target in enumerate(sample.targets):
        rows = syn0[sample.inputs[sample.starts[i]:sample.starts[i + 1]]].astype(np.float64)
        h = rows.mean(axis=0) if cbow_mean else rows.sum(axis=0)
        loss = softplus(-h @ syn1[target])
        loss += sum(softplus(h @ syn1[w]) for w in sample.noise[i] if w != target)
        total += loss
    return total / len(sample.targets)


@pytest.mark.parametrize("sg", [True, False])
def test_the_kernel_scores_the_training_objective(sg):
    rng = np.random.default_rng(3)
    corpus = sorted_topics(50)
    ids, offsets = np.asarray(corpus.tokens), np.asarray(corpus.offsets, np.int64)
    vocab = len(corpus.words)
    noise_p = np.full(vocab, 1.0 / vocab)
    sample = probe.draw_sample(ids, offsets, np.ones(vocab, np.float32), noise_p, sg, 5, 4, seed=1, n=300)
    assert len(sample) == 300 and sample.noise.shape == (300, 4)
    widths = np.diff(sample.starts)
    assert (widths == 1).all() if sg else (widths >= 1).all() and widths.max() > 1
    syn0 = rng.normal(0, 0.3, (vocab, 8)).astype(np.float32)
    syn1 = rng.normal(0, 0.3, (vocab, 8)).astype(np.float32)
    got = probe.score_pairs(sample.targets, sample.inputs, sample.starts, sample.noise, syn0, syn1, False,
                            np.zeros((1, 1), np.uint8), np.zeros((1, 1), np.int32), np.zeros(1, np.int32), True)
    assert got == pytest.approx(reference_loss(sample, syn0, syn1), rel=1e-4)


def test_the_sample_is_drawn_once_from_the_seed():
    corpus = sorted_topics(100)
    ids, offsets = np.asarray(corpus.tokens), np.asarray(corpus.offsets, np.int64)
    keep = np.full(len(corpus.words), 0.5, np.float32)
    a = probe.draw_sample(ids, offsets, keep, None, True, 5, 0, seed=7, n=500)
    b = probe.draw_sample(ids, offsets, keep, None, True, 5, 0, seed=7, n=500)
    c = probe.draw_sample(ids, offsets, keep, None, True, 5, 0, seed=8, n=500)
    assert np.array_equal(a.targets, b.targets) and np.array_equal(a.inputs, b.inputs)
    assert not np.array_equal(a.targets, c.targets)
    assert a.noise.shape == (500, 0)  # hierarchical softmax draws no noise words


@pytest.mark.parametrize("hs", [False, True])
def test_every_epoch_reports_the_fixed_sample_loss_and_it_falls(hs):
    config = TrainConfig(dim=16, epochs=4, min_count=1, threads=1, hs=hs, negative=0 if hs else 5, sample=0,
                         shuffle=True)
    ends = [p for p in Trainer(sorted_topics(), config).iter_train() if p.epoch_done]
    losses = [p.sample_loss for p in ends]
    assert len(losses) == 4 and all(math.isfinite(x) for x in losses)
    assert losses[-1] < losses[0]
    # the online loss and the fixed sample's measure the same objective: in shuffled order, close
    assert 0.8 < ends[-1].epoch_loss / losses[-1] < 1.25


def test_on_a_corpus_sorted_by_topic_shuffling_gives_a_better_model():
    """Six disjoint topics one after another: in file order each epoch ends fitted to the last
    topic (the online loss, measured topic by topic, does not see it; the fixed sample does)."""
    final = {}
    for shuffle in (False, True):
        config = TrainConfig(dim=16, epochs=4, min_count=1, threads=1, sample=0, shuffle=shuffle)
        ends = [p for p in Trainer(sorted_topics(), config).iter_train() if p.epoch_done]
        final[shuffle] = ends[-1].sample_loss
        if not shuffle:
            assert ends[0].epoch_loss < ends[0].sample_loss - 1.0
    assert final[True] < final[False] - 1.0


def test_sentence_order_is_a_seeded_permutation_new_each_epoch():
    first, again, second = sentence_order(100, 1, 0), sentence_order(100, 1, 0), sentence_order(100, 1, 1)
    assert sorted(first) == list(range(100)) and np.array_equal(first, again)
    assert not np.array_equal(first, second)


def test_a_shuffled_block_holds_the_chosen_sentences_whole():
    ids = np.arange(10, dtype=np.int32)
    offsets = np.array([0, 3, 4, 8, 10], np.int64)  # sentences [0 1 2] [3] [4 5 6 7] [8 9]
    order = np.array([2, 0, 3, 1])
    reordered = _reordered_offsets(offsets, order)
    assert reordered.tolist() == [0, 4, 7, 9, 10]
    block = _subsample(ids, reordered, 0, 3, np.ones(10, np.float32), 1, (offsets, order))
    assert block.ids.tolist() == [4, 5, 6, 7, 0, 1, 2, 8, 9] and block.offsets.tolist() == [0, 4, 7, 9]


def test_shuffled_training_sees_every_token_and_is_repeatable():
    corpus = sorted_topics(200)
    config = TrainConfig(dim=12, epochs=2, min_count=1, threads=1, shuffle=True)
    runs = []
    for cfg in (config, config, config.replace(shuffle=False)):
        trainer = Trainer(corpus, cfg)
        last = [p for p in trainer.iter_train()][-1]
        assert last.words_done == last.words_total == 2 * corpus.n_tokens
        runs.append(trainer.syn0.copy())
    assert np.array_equal(runs[0], runs[1])  # one thread, one seed: the same shuffles
    assert not np.allclose(runs[0], runs[2])  # and not the file order


def test_shuffle_must_be_a_bool():
    with pytest.raises(ConfigError, match="shuffle"):
        TrainConfig(shuffle="yes")
