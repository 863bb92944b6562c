"""The training job run by the Train tab: build or update a trainer, train,
and after each epoch take a snapshot for the watch list and evaluation.

Pure Python (no Qt): the worker turns each yielded record into a signal. The
snapshot is taken in the trainer's ``on_epoch`` hook, where the weights are
settled (between epochs), so the GUI only ever sees copies.
"""
from __future__ import annotations

import numpy as np

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.train.trainer import CancelToken, Trainer

NEIGHBOURS = 10


@dataclass(frozen=True)
class Stage:
    """A step before training proper (building the vocabulary, adding new words)."""

    message: str


@dataclass(frozen=True)
class TrainerReady:
    """The trainer exists (pause/resume now reach it); its vocabulary report is known."""

    trainer: Trainer
    added_words: int | None = None  # continued training: words new to the model


@dataclass(frozen=True)
class EpochReport:
    epoch: int  # epochs completed in this run (1-based)
    neighbours: dict[str, list] = field(default_factory=dict)  # watched name -> [Neighbor]
    missing: tuple[str, ...] = ()  # watched names not in the vocabulary
    analogy: object | None = None  # core.evaluate.AnalogyResult
    problem: str = ""  # why evaluation could not run, if it could not


@dataclass(frozen=True)
class Trained:
    """What a finished (or stopped) run hands over: the trainer and a copy of its vectors,
    made on the worker thread so the GUI thread does not copy a large matrix."""

    trainer: Trainer
    vectors: object  # core Vectors


@dataclass(frozen=True)
class TrainRequest:
    config: TrainConfig
    corpus: object | None = None  # Corpus to train on (new data when continuing)
    trainer: Trainer | None = None  # continue this model instead of starting afresh
    watch: Sequence[str] = ()
    analogy_path: str | None = None


def train_job(request: TrainRequest, cancel: CancelToken) -> Iterator[object]:
    """Generator: Stage, TrainerReady, Progress and EpochReport records; returns ``Trained``."""
    trainer, added = request.trainer, None
    if trainer is None:
        yield Stage("Building the vocabulary")
        trainer = Trainer(request.corpus, request.config)
    else:
        trainer.config = trainer.config.replace(
            **{k: v for k, v in request.config.to_dict().items() if k in CONTINUABLE})
        if request.corpus is not None:
            yield Stage("Adding the new data's words to the model")
            added = trainer.update(request.corpus)
    yield TrainerReady(trainer, added)
    reports: list[EpochReport] = []

    def on_epoch(settled: Trainer, epoch: int) -> None:
        reports.append(epoch_report(settled, epoch + 1, request.watch, request.analogy_path))

    for progress in trainer.iter_train(cancel=cancel, on_epoch=on_epoch, background=True):
        yield progress
        while reports:
            yield reports.pop(0)
    return Trained(trainer, trainer.vectors())


# What continued training may change: the rest is fixed by the saved weights' shapes.
CONTINUABLE = ("window", "sample", "alpha", "min_alpha", "epochs", "seed", "threads", "chunk_words",
               "min_count", "cbow_mean", "ns_exponent")


def epoch_report(trainer: Trainer, epoch: int, watch: Sequence[str], analogy_path: str | None) -> EpochReport:
    if not watch and not analogy_path:
        return EpochReport(epoch)
    vectors = trainer.vectors()
    neighbours, missing = {}, []
    if watch:
        from w2v_desktop.core.vectors.similarity import Neighbor, top_k_block

        found = [name for name in watch if name in vectors]
        missing = [name for name in watch if name not in vectors]
        rows = np.array([vectors.row(name) for name in found], dtype=np.int64)
        # one blocked product for the whole list (top_k_block does not build the
        # 8-bit copy for a few queries: these vectors live for one epoch)
        top = top_k_block(vectors, rows, NEIGHBOURS) if len(rows) else []
        for name, row, near in zip(found, rows, top):
            scores = vectors.unit[near] @ vectors.unit[row]
            neighbours[name] = [Neighbor(vectors.names[j], float(s), int(j)) for j, s in zip(near, scores)]
    analogy, problem = None, ""
    if analogy_path:
        from w2v_desktop.core.analysis.intrinsic import evaluate_analogies

        try:
            analogy = evaluate_analogies(vectors, analogy_path)
        except (OSError, ValueError) as exc:  # a bad file must not stop the training
            problem = f"analogy evaluation skipped: {exc}"
    return EpochReport(epoch, neighbours, tuple(missing), analogy, problem)
