"""The training job run by the Train tab and by ``w2v-desktop train``: build or
update a trainer, train, and after each epoch take a snapshot for the watch
list and evaluation.

Pure Python (no Qt): the GUI's worker turns each yielded record into a signal,
the command line prints them. The snapshot is taken in the trainer's
``on_epoch`` hook, where the weights are settled (between epochs), so a caller
only ever sees copies; while the job runs it holds a :class:`TrainingHandle`
(pause, resume, cancel, progress), never the trainer whose arrays the training
threads are writing. The trainer is handed over in ``Trained`` at the end.
"""
from __future__ import annotations

import threading

import numpy as np

from dataclasses import dataclass, field
from typing import Iterator, Sequence

from w2v_desktop.core.cancel import CancelToken
from w2v_desktop.core.config import TrainConfig, continue_config
from w2v_desktop.core.train import Progress, Trainer
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

NEIGHBOURS = 10


@dataclass(frozen=True)
class Stage:
    """A step before training proper (building the vocabulary, adding new words)."""

    message: str


@dataclass(frozen=True)
class TrainerReady:
    """The vocabulary is settled and training is about to start (pause/resume now reach it)."""

    report: object | None  # core VocabReport of the data trained on (None: not known)
    vocabulary: int  # words in the model
    added_words: int | None = None  # continued training: words new to the model


@dataclass(frozen=True)
class EpochReport:
    epoch: int  # epochs completed in this run (1-based)
    neighbours: dict[str, list] = field(default_factory=dict)  # watched name -> [Neighbour]
    missing: tuple[str, ...] = ()  # watched names not in the vocabulary
    analogy: object | None = None  # core.analysis.intrinsic.AnalogyResult
    problem: str = ""  # why evaluation could not run, if it could not


@dataclass(frozen=True)
class Trained:
    """What a finished (or stopped) run hands over: the trainer and a copy of its vectors,
    made on the worker thread so the GUI thread does not copy a large matrix."""

    trainer: Trainer
    vectors: object  # core Vectors


@dataclass(frozen=True)
class TrainRequest:
    config: TrainConfig  # continuing: checked and merged by config.continue_config
    corpus: object | None = None  # Corpus to train on (new data when continuing)
    trainer: Trainer | None = None  # continue this model instead of starting afresh
    watch: Sequence[str] = ()
    analogy_path: str | None = None
    background: bool = True  # training threads at a lower priority (the app); the CLI runs at full


class TrainingHandle:
    """What a caller holds while a run goes on: pause, resume, cancel and the latest progress.

    Any thread may call it. A pause or cancel given before the trainer exists
    (while the vocabulary is built) reaches it as soon as it does; the job
    drops its trainer when it ends, so the handle keeps no arrays alive.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token = CancelToken()
        self._trainer: Trainer | None = None
        self._paused = False
        self.progress: Progress | None = None  # the latest Progress the job yielded

    def pause(self) -> None:
        with self._lock:
            self._paused = True
            if self._trainer is not None:
                self._trainer.pause()

    def resume(self) -> None:
        with self._lock:
            self._paused = False
            if self._trainer is not None:
                self._trainer.resume()

    def cancel(self) -> None:
        """Stop at the next step; the run still returns what it learnt so far."""
        self._token.cancel()
        self.resume()  # a paused trainer must wake up to see the cancel

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def cancelled(self) -> bool:
        return self._token.cancelled

    def _attach(self, trainer: Trainer | None) -> None:
        with self._lock:
            self._trainer = trainer
            if trainer is not None and self._paused and not self.cancelled:
                trainer.pause()


def train_job(request: TrainRequest, handle: TrainingHandle | None = None) -> Iterator[object]:
    """Generator: Stage, TrainerReady, Progress and EpochReport records; returns ``Trained``.

    Continuing (``request.trainer``): ``request.config`` goes through
    :func:`~w2v_desktop.core.config.continue_config` (ContinueError before anything changes)."""
    handle = handle or TrainingHandle()
    trainer, added = request.trainer, None
    if trainer is None:
        yield Stage(Phrase(QT_TR_NOOP("Building the vocabulary")))
        trainer = Trainer(request.corpus, request.config)
    else:
        saved = trainer.config
        trainer.config = continue_config(saved, request.config)
        if request.corpus is not None:
            yield Stage(Phrase(QT_TR_NOOP("Adding the new data's words to the model")))
            try:
                added = trainer.update(request.corpus)
            except BaseException:  # refused new data leaves the app's model as it was
                trainer.config = saved
                raise
    reports: list[EpochReport] = []

    def on_epoch(settled: Trainer, epoch: int) -> None:
        reports.append(epoch_report(settled, epoch + 1, request.watch, request.analogy_path))

    handle._attach(trainer)
    try:
        yield TrainerReady(trainer.vocab_report, len(trainer.vocab), added)
        for progress in trainer.iter_train(cancel=handle, on_epoch=on_epoch, background=request.background):
            handle.progress = progress
            yield progress
            while reports:
                yield reports.pop(0)
    finally:
        handle._attach(None)
        trainer.resume()  # a run stopped while paused must not leave the model paused
    return Trained(trainer, trainer.vectors())


def epoch_report(trainer: Trainer, epoch: int, watch: Sequence[str], analogy_path: str | None) -> EpochReport:
    if not watch and not analogy_path:
        return EpochReport(epoch)
    vectors = trainer.vectors()
    neighbours, missing = {}, []
    if watch:
        from w2v_desktop.core.vectors import Neighbour, top_k_block

        found = [name for name in watch if name in vectors]
        missing = [name for name in watch if name not in vectors]
        rows = np.array([vectors.row(name) for name in found], dtype=np.int64)
        # one blocked product for the whole list (top_k_block does not build the
        # 8-bit copy for a few queries: these vectors live for one epoch)
        top = top_k_block(vectors, rows, NEIGHBOURS) if len(rows) else []
        for name, row, near in zip(found, rows, top):
            scores = vectors.unit[near] @ vectors.unit[row]
            neighbours[name] = [Neighbour(vectors.names[j], float(s), int(j)) for j, s in zip(near, scores)]
    analogy, problem = None, ""
    if analogy_path:
        from w2v_desktop.core.analysis import evaluate_analogies

        try:
            analogy = evaluate_analogies(vectors, analogy_path)
        except (OSError, ValueError) as exc:  # a bad file must not stop the training
            problem = Phrase(QT_TR_NOOP("analogy evaluation skipped: {error}"), error=str(exc))
    return EpochReport(epoch, neighbours, tuple(missing), analogy, problem)
