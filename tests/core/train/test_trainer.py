"""The trainer: learning, reproducibility, cancel/pause, continued training, model files."""
import math
import os
import sys
import threading
import time

import numpy as np
import pytest

from w2v_desktop.core.config import ConfigError, TrainConfig
from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.train.trainer import CancelToken, Trainer, TrainingError, train
from w2v_desktop.core.train.model_file import load_model, save_model


def planted_corpus(n_sentences=3000, seed=0, groups=4, size=10, prefix="w"):
    """Sentences drawn from one of ``groups`` disjoint word groups each."""
    rng = np.random.default_rng(seed)
    sentences = []
    for _ in range(n_sentences):
        g = rng.integers(groups)
        sentences.append([f"{prefix}{g}_{i}" for i in rng.integers(0, size, 12)])
    return Corpus.from_sentences(sentences, source="planted")


def group_accuracy(vectors, groups=4):
    """Share of words whose nearest neighbour is in the same planted group."""
    unit = vectors.unit
    sims = unit @ unit.T
    np.fill_diagonal(sims, -np.inf)
    nearest = sims.argmax(axis=1)
    group = [name.split("_")[0] for name in vectors.names]
    return np.mean([group[i] == group[j] for i, j in enumerate(nearest)])


@pytest.mark.parametrize("sg,hs", [(True, False), (False, False), (True, True), (False, True)])
def test_loss_falls_and_structure_is_learned(sg, hs):
    corpus = planted_corpus()
    cfg = TrainConfig(sg=sg, hs=hs, negative=0 if hs else 5, dim=20, epochs=4, min_count=1,
                      sample=0, threads=1, chunk_words=2000)
    # the loss of the untrained model: one epoch at a learning rate too small to move it
    frozen = Trainer(corpus, cfg.replace(epochs=1, alpha=1e-9, min_alpha=1e-9))
    initial = [p.epoch_loss for p in frozen.iter_train() if p.epoch_done][0]
    trainer = Trainer(corpus, cfg)
    epoch_losses = [p.epoch_loss for p in trainer.iter_train() if p.epoch_done]
    assert len(epoch_losses) == 4
    assert all(math.isfinite(x) for x in epoch_losses)
    assert epoch_losses[-1] <= epoch_losses[0]
    assert epoch_losses[-1] < 0.8 * initial
    assert group_accuracy(trainer.vectors()) > 0.95


def test_progress_records_are_consistent():
    corpus = planted_corpus(2000)
    trainer = Trainer(corpus, TrainConfig(dim=10, epochs=2, min_count=1, threads=2, chunk_words=500))
    records = list(trainer.iter_train())
    assert records[-1].state == "finished"
    done = [p.words_done for p in records]
    assert done == sorted(done)
    assert records[-1].words_done == records[-1].words_total == 2 * corpus.n_tokens
    alphas = [p.alpha for p in records if p.state == "training"]
    assert alphas == sorted(alphas, reverse=True)
    assert sum(p.epoch_done for p in records) == 2


def test_seeded_single_thread_runs_are_bit_identical():
    corpus = planted_corpus(1500)
    cfg = TrainConfig(dim=16, epochs=2, min_count=1, threads=1, seed=42, chunk_words=700)
    a = train(corpus, cfg).matrix
    b = train(corpus, cfg).matrix
    assert np.array_equal(a, b)
    c = train(corpus, cfg.replace(seed=43)).matrix
    assert not np.array_equal(a, c)


def test_cancel_returns_within_one_second():
    corpus = planted_corpus(60_000)
    trainer = Trainer(corpus, TrainConfig(dim=100, epochs=50, min_count=1, threads=2))
    token = CancelToken()
    finished = threading.Event()
    states = []

    def run():
        for p in trainer.iter_train(cancel=token):
            states.append(p.state)
        finished.set()

    thread = threading.Thread(target=run)
    thread.start()
    while not any(s == "training" for s in states):
        time.sleep(0.01)
    t0 = time.perf_counter()
    token.cancel()
    assert finished.wait(5)
    assert time.perf_counter() - t0 < 1.0
    thread.join()
    assert states[-1] == "cancelled"
    assert np.isfinite(trainer.vectors().matrix).all()  # the model is consistent


def test_pause_and_resume():
    corpus = planted_corpus(3000)
    trainer = Trainer(corpus, TrainConfig(dim=10, epochs=3, min_count=1, threads=1, chunk_words=200))
    states = []
    for p in trainer.iter_train():
        states.append(p.state)
        if len(states) == 2:
            trainer.pause()
        if states.count("paused") == 3:
            trainer.resume()
    assert states.count("paused") == 3
    assert states[-1] == "finished"


def test_empty_vocabulary_is_a_clear_error():
    corpus = Corpus.from_sentences([["a", "b"], ["c"]], source="tiny.txt")
    with pytest.raises(TrainingError, match="tiny.txt.*min_count=5"):
        Trainer(corpus, TrainConfig())


@pytest.mark.parametrize("bad", [dict(dim=0), dict(dim=-3), dict(window=0), dict(alpha=0),
                                 dict(sample=1.5), dict(negative=0), dict(threads=-1)])
def test_bad_options_are_rejected(bad):
    with pytest.raises(ConfigError):
        TrainConfig(**bad)


def test_no_truncation_of_long_sentences():
    corpus = Corpus.from_sentences([[f"w{i % 50}" for i in range(30_000)]])
    trainer = Trainer(corpus, TrainConfig(dim=8, epochs=1, min_count=1, sample=0, threads=1))
    last = list(trainer.iter_train())[-1]
    assert last.words_done == 30_000


def test_continue_training_adds_new_items_and_keeps_old_rows(tmp_path):
    old = planted_corpus(1500, prefix="old")
    cfg = TrainConfig(dim=16, epochs=2, min_count=2, threads=1)
    trainer = Trainer(old, cfg)
    trainer.train()
    path = tmp_path / "model.npz"
    save_model(trainer, path)
    before = trainer.vectors()

    loaded = load_model(path)
    assert np.array_equal(loaded.vectors().matrix, before.matrix)
    assert loaded.vectors().names == before.names
    new = planted_corpus(1500, seed=1, prefix="new")
    added = loaded.update(Corpus.from_sentences(list(new.iter_sentences()) + [["old0_1", "old0_2"]]))
    assert added == 40
    grown = loaded.vectors()
    assert grown.names[:len(before)] == before.names
    assert np.array_equal(grown.matrix[:len(before)], before.matrix)  # untouched until trained
    loaded.train()
    after = loaded.vectors()
    assert len(after) == len(before) + 40
    assert group_accuracy(after) > 0.9


def test_model_file_rejects_other_files(tmp_path):
    bad = tmp_path / "x.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="x.npz"):
        load_model(bad)


def test_hierarchical_softmax_has_no_untrained_output_layer():
    corpus = planted_corpus(300)
    trainer = Trainer(corpus, TrainConfig(hs=True, negative=5, dim=8, epochs=1, min_count=1, threads=1))
    trainer.train()
    assert trainer.syn1neg is None and trainer.output_vectors() is None
    assert np.abs(trainer.syn1).sum() > 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux's")
def test_background_training_lowers_only_the_training_threads():
    from w2v_desktop.core.priority import lower_thread_priority

    own = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen = {}

    def worker():
        seen["ok"] = lower_thread_priority()
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen["ok"] and seen["nice"] == max(own, 10)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own  # caller untouched
    # and a background run with a pool trains normally
    trainer = Trainer(planted_corpus(500), TrainConfig(dim=8, epochs=1, min_count=1, threads=2))
    assert list(trainer.iter_train(background=True))[-1].state == "finished"
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == own
