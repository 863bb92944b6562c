"""The training job both the app and the command line run, headless: its records,
its handle (pause, resume, cancel), and the one rule for continuing a saved model."""
from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import run_job
from w2v_desktop.core.config import ContinueError, TrainConfig, continue_config
from w2v_desktop.core.jobs.train import (EpochReport, Stage, Trained, TrainerReady, TrainingHandle, TrainRequest,
                                         train_job)
from w2v_desktop.core.text.corpus import Corpus
from w2v_desktop.core.train.trainer import Progress

WORDS = ["apple", "pear", "plum", "iron", "zinc", "tin", "whale", "seal", "shark", "the", "a", "of"]
SMALL = TrainConfig(dim=8, min_count=1, threads=1, chunk_words=200, epochs=3, sample=0)


def corpus(n: int = 400, seed: int = 0, words=WORDS) -> Corpus:
    rng = np.random.default_rng(seed)
    return Corpus.from_sentences([list(rng.choice(words, 8)) for _ in range(n)], source="made up")


def test_records_come_out_in_order_and_the_trainer_comes_last():
    records, trained = run_job(train_job(TrainRequest(SMALL, corpus(), watch=("apple", "unicorn"))))
    kinds = [type(r).__name__ for r in records]
    assert kinds[:2] == ["Stage", "TrainerReady"]
    ready = records[1]
    assert ready.vocabulary == len(WORDS) and ready.added_words is None and ready.report.kept_types == len(WORDS)
    # each epoch's report follows the progress record that closes the epoch
    closes = [i for i, r in enumerate(records) if isinstance(r, Progress) and r.epoch_done]
    reports = [i for i, r in enumerate(records) if isinstance(r, EpochReport)]
    assert len(closes) == len(reports) == 3 and all(c < r for c, r in zip(closes, reports))
    assert [records[i].epoch for i in reports] == [1, 2, 3]
    assert records[reports[0]].missing == ("unicorn",) and len(records[reports[0]].neighbours["apple"]) == 10
    assert records[-1].state == "finished"
    assert isinstance(trained, Trained) and trained.trainer.epochs_trained == 3
    assert trained.vectors.names == trained.trainer.vectors().names
    assert trained.vectors.matrix is not trained.trainer.syn0  # a copy


def test_cancel_stops_the_run_and_returns_what_was_learnt():
    handle = TrainingHandle()
    job = train_job(TrainRequest(SMALL.replace(epochs=500), corpus(2000)), handle)
    records = []
    while True:
        try:
            record = next(job)
        except StopIteration as stop:
            trained = stop.value
            break
        records.append(record)
        if isinstance(record, Progress) and record.words_done > 0 and not handle.cancelled:
            handle.cancel()
    last = records[-1]
    assert isinstance(last, Progress) and last.state == "cancelled" and handle.progress is last
    assert trained.trainer.epochs_trained < 500 and "apple" in trained.vectors


def test_a_pause_given_before_the_trainer_exists_holds_it_and_cancel_wakes_it():
    handle = TrainingHandle()
    handle.pause()
    job = train_job(TrainRequest(SMALL.replace(epochs=50), corpus(1000)), handle)
    paused = None
    for record in job:
        if isinstance(record, Progress) and record.state == "paused":
            paused = record
            break
    assert paused is not None and paused.words_done == 0 and handle.paused
    handle.cancel()
    records, trained = run_job(job)
    assert records[-1].state == "cancelled" and records[-1].words_done == 0
    assert not trained.trainer.paused  # the model is not handed over paused
    handle.pause()  # the run is over: the handle no longer reaches its trainer
    assert not trained.trainer.paused


def test_resume_lets_a_paused_run_finish():
    handle = TrainingHandle()
    handle.pause()
    job = train_job(TrainRequest(SMALL.replace(epochs=1), corpus(200)), handle)
    for record in job:
        if isinstance(record, Progress) and record.state == "paused":
            break
    handle.resume()
    records, trained = run_job(job)
    assert records[-1].state == "finished" and trained.trainer.epochs_trained == 1


# -- continuing a saved model: one rule ------------------------------------------------

def test_continuing_may_change_window_and_the_other_free_options():
    saved = TrainConfig(dim=8, window=5, negative=5)
    assert continue_config(saved, {"window": 9, "sample": 0.0, "epochs": 2, "min_count": 1}) == saved.replace(
        window=9, sample=0.0, epochs=2, min_count=1)
    assert continue_config(saved, saved.replace(window=2, alpha=0.05, negative=10, seed=3)).window == 2
    assert continue_config(saved, {}) == saved


@pytest.mark.parametrize("asked,names", [
    ({"dim": 16}, ("dim",)),
    ({"sg": False}, ("sg",)),
    ({"hs": True, "negative": 0}, ("hs", "negative")),
    ({"max_vocab": 100}, ("max_vocab",)),
    (TrainConfig(dim=32, sg=False, window=9), ("sg", "dim")),
])
def test_continuing_refuses_what_the_saved_model_fixes(asked, names):
    saved = TrainConfig(dim=8)
    with pytest.raises(ContinueError) as refused:
        continue_config(saved, asked)
    assert refused.value.names == names
    assert str(refused.value).startswith(f"{', '.join(names)} cannot change") and "dim=8" in str(refused.value)


def test_a_softmax_model_cannot_gain_negative_sampling_but_may_keep_its_own_kind():
    saved = TrainConfig(hs=True, negative=0)
    with pytest.raises(ContinueError, match="negative"):
        continue_config(saved, {"negative": 5})
    both = TrainConfig(hs=True, negative=5)
    assert continue_config(both, {"negative": 15}).negative == 15


def test_continuing_checks_values_and_names_too():
    with pytest.raises(ValueError, match="window 0: at least 1 needed"):
        continue_config(TrainConfig(), {"window": 0})
    with pytest.raises(ValueError, match="unknown training option"):
        continue_config(TrainConfig(), {"windw": 3})


def test_the_job_continues_with_the_rule_and_refuses_before_changing_the_model():
    _, first = run_job(train_job(TrainRequest(SMALL.replace(epochs=1), corpus())))
    trainer = first.trainer
    before = trainer.syn0.copy()
    job = train_job(TrainRequest(SMALL.replace(dim=16), corpus(seed=1, words=["comet", "star"]), trainer))
    with pytest.raises(ContinueError, match="dim"):
        next(job)
    assert len(trainer.vocab) == len(WORDS) and np.array_equal(trainer.syn0, before)
    records, second = run_job(train_job(TrainRequest(SMALL.replace(window=2, epochs=1),
                                                 corpus(seed=1, words=WORDS + ["comet", "star"]), trainer)))
    assert isinstance(records[0], Stage) and isinstance(records[1], TrainerReady)
    assert records[1].added_words == 2 and records[1].vocabulary == len(WORDS) + 2
    assert second.trainer is trainer and trainer.config.window == 2 and trainer.epochs_trained == 2


def test_new_data_the_model_cannot_use_leaves_the_model_as_it_was():
    """Continuing on data with nothing trainable (every word below min_count) fails before the
    vocabulary, the weights or the options of the app's model change."""
    _, first = run_job(train_job(TrainRequest(SMALL.replace(epochs=1), corpus())))
    trainer = first.trainer
    config, words, syn0 = trainer.config, list(trainer.vocab.words), trainer.syn0.copy()
    rare = Corpus.from_sentences([["comet", "star"]], source="rare")
    job = train_job(TrainRequest(SMALL.replace(window=2, min_count=5), rare, trainer))
    from w2v_desktop.core.train import TrainingError

    with pytest.raises(TrainingError, match="rare"):
        run_job(job)
    assert trainer.config == config and trainer.vocab.words == words and np.array_equal(trainer.syn0, syn0)
