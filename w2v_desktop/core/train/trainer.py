"""The trainer owns the weights and the schedule; ``iter_train`` is a generator.

Each yielded ``Progress`` record is both a progress report (at most every
~100 ms) and a cancel point. Kernel calls are short (one chunk of
``chunk_words`` tokens) so cancel, pause, learning-rate decay and progress
live here, between calls. With one thread, chunks run in order on the calling
thread and a fixed seed gives bit-identical vectors; with more, a pool of
threads runs the nogil kernels concurrently (Hogwild).
"""
from __future__ import annotations

import math
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from w2v_desktop.core.train import kernels, probe
from w2v_desktop.core.cancel import CancelToken
from w2v_desktop.core.config import TrainConfig
from w2v_desktop.core.text import Corpus
from w2v_desktop.core.train.hot_nodes import HotNodeCopies, merge_words
from w2v_desktop.core.priority import lower_thread_priority
from w2v_desktop.core.vectors import Vectors
from w2v_desktop.core.train.vocab import Vocab, VocabReport, encode_ids
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

BLOCK_TOKENS = 1 << 18  # tokens subsampled together before their chunks are trained
REPORT_SECONDS = 0.1


class TrainingError(ValueError):
    """Training cannot start or go on (empty vocabulary, no corpus, ...)."""


@dataclass(frozen=True)
class Progress:
    epoch: int  # 0-based epoch in progress (== epochs when finished)
    epochs: int
    words_done: int
    words_total: int
    alpha: float
    loss: float  # mean loss per training pair since the previous report (nan if none)
    words_per_sec: float
    elapsed: float  # seconds of training, pauses excluded
    eta: float  # seconds left at the current speed
    epoch_done: bool = False
    epoch_loss: float = math.nan  # mean loss per pair over the finished epoch
    sample_loss: float = math.nan  # at an epoch end: mean loss on the fixed sample of pairs (probe.py)
    state: str = "training"  # "compiling", "training", "paused", "cancelled", "finished"
    message: str = ""

    @property
    def fraction(self) -> float:
        return self.words_done / self.words_total if self.words_total else 0.0


@dataclass
class _Block:
    ids: np.ndarray  # subsampled ids of the block
    offsets: np.ndarray  # sentence starts within ``ids``
    raw_words: int  # tokens before subsampling (what progress counts)


class Trainer:
    def __init__(self, corpus: Corpus | None, config: TrainConfig):
        self.config = config
        self._running = threading.Event()
        self._running.set()
        if corpus is None:
            raise TrainingError("no corpus to train on")
        self.source = corpus.source
        self.vocab, remap, self.vocab_report = Vocab.from_counts(
            corpus.words, corpus.counts, config.min_count, config.max_vocab)
        if len(self.vocab) == 0:
            raise TrainingError(_empty_vocab_message(corpus, config))
        self.ids, self.offsets = _encode(corpus, remap)
        self.syn0 = _init_rows(len(self.vocab), config.dim, config.seed, 0)
        # one output layer: hierarchical softmax or negative sampling (never an untrained spare)
        self.syn1neg = None if config.hs else np.zeros((len(self.vocab), config.dim), np.float32)
        self.syn1 = np.zeros((max(len(self.vocab) - 1, 1), config.dim), np.float32) if config.hs else None
        self.epochs_trained = 0

    @classmethod
    def from_weights(cls, config: TrainConfig, vocab: Vocab, syn0: np.ndarray, syn1neg: np.ndarray | None,
                     syn1: np.ndarray | None, epochs_trained: int = 0, source: str = "") -> "Trainer":
        """A trainer over saved weights (see :mod:`.model_file`), ready for ``update`` and more epochs.

        The arrays are taken as they are, because the kernels index them without bounds checks:
        the caller must have validated them against the vocabulary and the config (``load_model``
        does, with :mod:`.model_checks`)."""
        trainer = cls.__new__(cls)
        trainer.config = config
        trainer._running = threading.Event()
        trainer._running.set()
        trainer.vocab, trainer.vocab_report = vocab, None
        trainer.syn0, trainer.syn1neg, trainer.syn1 = syn0, syn1neg, syn1
        trainer.epochs_trained = epochs_trained
        trainer.ids = np.zeros(0, np.int32)
        trainer.offsets = np.zeros(1, np.int64)
        trainer.source = source
        return trainer

    # -- the training loop ---------------------------------------------------------
    def iter_train(self, cancel: CancelToken | None = None,
                   on_epoch: Callable[["Trainer", int], object] | None = None,
                   background: bool = False) -> Iterator[Progress]:
        """Train ``config.epochs`` epochs over the current ids, yielding Progress.

        ``background``: the training threads run at a lower priority (nice 10,
        see :func:`w2v_desktop.core.priority.lower_thread_priority`), so the scheduler favours everything
        else; a desktop app wants this, so that its window does not wait for a
        core while training keeps all of them busy."""
        cfg = self.config
        cancel = cancel or CancelToken()
        if len(self.ids) == 0:
            raise TrainingError("nothing to train on: no in-vocabulary tokens (load new data with update())")
        if not kernels.kernels_cached():
            yield Progress(0, cfg.epochs, 0, 0, cfg.alpha, math.nan, 0.0, 0.0, math.nan,
                           state="compiling", message=Phrase(QT_TR_NOOP("compiling kernels, first run only")))
        kernels.warm_up()
        tables = self._tables()
        n_threads = max(1, cfg.n_threads)
        tables["hot"] = None
        if cfg.hs and n_threads > 1:
            tables["hot"] = HotNodeCopies(self.syn1, tables["points"], n_threads)
            self.syn1 = tables["hot"].syn1
        per_epoch = int(len(self.ids))
        total = per_epoch * cfg.epochs
        sample = self._draw_sample(tables)
        clock = _Clock()
        done = 0
        window_loss, window_pairs, last_report = 0.0, 0, clock.elapsed()
        if n_threads == 1 and background:
            lower_thread_priority()  # the kernels run on the calling thread
        pool = ThreadPoolExecutor(n_threads, thread_name_prefix="w2v-train",
                                  initializer=lower_thread_priority if background else None) \
            if n_threads > 1 else None
        scratch = threading.local()
        try:
            for epoch in range(cfg.epochs):
                epoch_loss, epoch_pairs = 0.0, 0
                pending: set = set()
                # NS: interleave distant corpus parts; HS keeps neighbours (see hot_nodes.py)
                for job in self._epoch_jobs(epoch, total, 1 if cfg.hs else n_threads):
                    while not self._running.is_set() and not cancel.cancelled:
                        clock.pause()
                        yield self._progress(epoch, done, total, job.alpha, math.nan, clock, state="paused")
                        self._running.wait(REPORT_SECONDS)
                    clock.resume()
                    if cancel.cancelled:
                        break
                    if pool is None:
                        finished = [job.run(self, tables, scratch)]
                    else:
                        pending.add(pool.submit(job.run, self, tables, scratch))
                        finished = []
                        while len(pending) >= 2 * n_threads:  # keep a short queue, never a growing one
                            ready, pending = wait(pending, return_when=FIRST_COMPLETED)
                            finished.extend(f.result() for f in ready)
                    for loss, pairs, words in finished:
                        done += words
                        window_loss += loss
                        window_pairs += pairs
                        epoch_loss += loss
                        epoch_pairs += pairs
                    if clock.elapsed() - last_report >= REPORT_SECONDS:
                        yield self._progress(epoch, done, total, job.alpha, _mean(window_loss, window_pairs), clock)
                        window_loss, window_pairs, last_report = 0.0, 0, clock.elapsed()
                for future in list(pending):  # epoch barrier: on_epoch sees settled weights
                    loss, pairs, words = future.result()
                    done += words
                    window_loss += loss
                    window_pairs += pairs
                    epoch_loss += loss
                    epoch_pairs += pairs
                if cancel.cancelled:
                    yield self._progress(epoch, done, total, self._alpha(done, total),
                                         _mean(window_loss, window_pairs), clock, state="cancelled")
                    return
                self.epochs_trained += 1
                sample_loss = self._score_sample(sample, tables)
                message = ""
                if on_epoch is not None:
                    result = on_epoch(self, epoch)
                    message = "" if result is None else result if isinstance(result, Phrase) else str(result)
                yield self._progress(epoch, done, total, self._alpha(done, total),
                                     _mean(window_loss, window_pairs), clock, epoch_done=True,
                                     epoch_loss=_mean(epoch_loss, epoch_pairs), sample_loss=sample_loss,
                                     message=message)
                window_loss, window_pairs, last_report = 0.0, 0, clock.elapsed()
            yield self._progress(cfg.epochs, done, total, self._alpha(done, total), math.nan, clock,
                                 state="finished")
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def train(self, cancel: CancelToken | None = None) -> "Trainer":
        for _ in self.iter_train(cancel):
            pass
        return self

    def pause(self) -> None:
        """Hold training at the next chunk boundary (callable from any thread)."""
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    # -- schedule ------------------------------------------------------------------
    def _alpha(self, done: int, total: int) -> float:
        cfg = self.config
        return max(cfg.min_alpha, cfg.alpha - (cfg.alpha - cfg.min_alpha) * done / max(total, 1))

    def _epoch_jobs(self, epoch: int, total: int, streams: int = 1) -> Iterator["_Job"]:
        """The epoch's chunks with their learning rates. With several threads the
        chunks of ``streams`` distant parts of the corpus are interleaved, so the
        chunks trained at the same moment rarely share their (topical) words:
        Hogwild loses an update whenever two threads write one row at once, and
        corpora are often sorted by topic or source (20news is, by newsgroup)."""
        cfg = self.config
        keep = self.vocab.keep_probabilities(cfg.sample)
        order = sentence_order(len(self.offsets) - 1, cfg.seed, epoch) if cfg.shuffle else None
        offsets = self.offsets if order is None else _reordered_offsets(self.offsets, order)
        blocks = _blocks(offsets, BLOCK_TOKENS)
        parts = [p for p in np.array_split(np.arange(len(blocks)), max(1, streams)) if len(p)]
        chunks = _round_robin([self._block_chunks(epoch, [blocks[b] for b in part], part, keep, offsets, order)
                               for part in parts])
        scheduled = epoch * len(self.ids)
        for chunk_index, (block, t0, t1, words) in enumerate(chunks):
            alpha = self._alpha(scheduled, total)
            yield _Job(block, t0, t1, words, alpha, kernels.chunk_seed(cfg.seed, epoch, chunk_index))
            scheduled += words

    def _block_chunks(self, epoch, blocks, block_numbers, keep, offsets, order) -> Iterator[tuple]:
        """(block, t0, t1, raw words) for the chunks of the given sentence blocks,
        each block subsampled when its first chunk is needed. ``order``: the epoch's
        sentence order (``offsets`` are then the sentences' starts in that order)."""
        chunk_words = self.config.chunk_words
        if self.config.hs and self.config.n_threads > 1:  # merge hot-node copies more often
            chunk_words = min(chunk_words, merge_words(self.config.n_threads))
        for b, (s0, s1) in zip(block_numbers, blocks):
            block = _subsample(self.ids, offsets, s0, s1, keep,
                               kernels.chunk_seed(self.config.seed + 7919, epoch, int(b)),
                               None if order is None else (self.offsets, order))
            n = len(block.ids)
            n_chunks = max(1, -(-n // chunk_words))
            for c in range(n_chunks):
                t0, t1 = c * chunk_words, min(n, (c + 1) * chunk_words)
                # raw words this chunk stands for; the block's last chunk takes the remainder
                words = block.raw_words * t1 // max(n, 1) - block.raw_words * t0 // max(n, 1)
                if n == 0:
                    words = block.raw_words
                yield block, t0, t1, words

    def _tables(self) -> dict:
        cfg = self.config
        sig, nll = kernels.make_tables()
        if not cfg.hs:
            prob, alias = self.vocab.alias_table(cfg.ns_exponent)
        else:
            prob, alias = np.ones(1, np.float32), np.zeros(1, np.int32)
        if cfg.hs:
            codes, points, lengths = self.vocab.huffman()
        else:
            codes, points, lengths = np.zeros((1, 1), np.uint8), np.zeros((1, 1), np.int32), np.zeros(1, np.int32)
        return dict(sig=sig, nll=nll, prob=prob, alias=alias, codes=codes, points=points, lengths=lengths)

    def _draw_sample(self, tables: dict):
        """The fixed sample of predictions scored at each epoch end (probe.py)."""
        cfg = self.config
        return probe.draw_sample(self.ids, self.offsets, self.vocab.keep_probabilities(cfg.sample),
                                 None if cfg.hs else self.vocab.noise_distribution(cfg.ns_exponent),
                                 cfg.sg, cfg.window, cfg.negative, cfg.seed)

    def _score_sample(self, sample, tables: dict) -> float:
        if not len(sample):
            return math.nan
        cfg = self.config
        syn1 = self.syn1 if cfg.hs else self.syn1neg  # the shared rows: every hot-node copy merged
        return float(probe.score_pairs(sample.targets, sample.inputs, sample.starts, sample.noise, self.syn0,
                                       syn1, cfg.hs, tables["codes"], tables["points"], tables["lengths"],
                                       cfg.cbow_mean))

    def _progress(self, epoch, done, total, alpha, loss, clock, **extra) -> Progress:
        elapsed = clock.elapsed()
        speed = done / elapsed if elapsed > 0 else 0.0
        eta = (total - done) / speed if speed > 0 else math.nan
        return Progress(epoch, self.config.epochs, done, total, alpha, loss, speed, elapsed, eta, **extra)

    # -- results -------------------------------------------------------------------
    def vectors(self) -> Vectors:
        """A copy of the input vectors (W1), safe to read while training goes on."""
        meta = {"config": self.config.to_dict(), "source": self.source,
                "epochs_trained": self.epochs_trained}
        return Vectors(list(self.vocab.words), self.syn0.copy(), self.vocab.counts.copy(), meta)

    def output_vectors(self) -> Vectors | None:
        """The negative-sampling output vectors (W2), for those who want to try them."""
        if self.syn1neg is None:
            return None
        return Vectors(list(self.vocab.words), self.syn1neg.copy(), self.vocab.counts.copy(),
                       {"matrix": "output (syn1neg)"})

    # -- continued training --------------------------------------------------------
    def update(self, corpus: Corpus) -> int:
        """Take new data: add its new words (count >= min_count) to the vocabulary
        with freshly initialised rows, keep the old rows, and make it the data
        the next ``iter_train`` trains on. Returns the number of words added."""
        cfg = self.config
        vocab, remap, added = self.vocab.extended(corpus.words, corpus.counts, cfg.min_count)
        ids, offsets = _encode(corpus, remap)
        if len(ids) == 0:  # refused before anything changes: the model stays as it was
            raise TrainingError(f"no token of {corpus.source or 'the new data'} is in the vocabulary "
                                f"or occurs at least min_count={cfg.min_count} times")
        if added:
            self.syn0 = np.vstack([self.syn0, _init_rows(added, cfg.dim, cfg.seed, len(self.vocab))])
            if self.syn1neg is not None:
                self.syn1neg = np.vstack([self.syn1neg, np.zeros((added, cfg.dim), np.float32)])
            if self.syn1 is not None:
                # the Huffman tree is rebuilt over the new counts; inner rows are reused by index
                self.syn1 = np.vstack([self.syn1, np.zeros((added, cfg.dim), np.float32)])
        self.vocab = vocab
        self.ids, self.offsets = ids, offsets
        self.source = corpus.source
        self.vocab_report = VocabReport(int(corpus.counts.sum()), len(corpus.words),
                                        int(corpus.counts[remap >= 0].sum()), int((remap >= 0).sum()),
                                        cfg.min_count, None)
        return added


@dataclass
class _Job:
    block: _Block
    t0: int
    t1: int
    words: int
    alpha: float
    seed: int

    def run(self, trainer: Trainer, tables: dict, scratch: threading.local) -> tuple[float, int, int]:
        cfg = trainer.config
        if getattr(scratch, "dim", None) != cfg.dim:  # per-thread buffers, allocated once
            scratch.neu1 = np.zeros((1, cfg.dim), np.float32)
            scratch.neu1e = np.zeros(cfg.dim, np.float32)
            scratch.dim = cfg.dim
        if self.t1 <= self.t0:
            return 0.0, 0, self.words
        syn1 = trainer.syn1 if cfg.hs else trainer.syn1neg
        t = tables
        points, hot = t["points"], t["hot"]
        if hot is not None:  # multi-threaded HS: this thread's copy of the nodes near the root
            if not hasattr(scratch, "hot_slot"):
                scratch.hot_slot, scratch.points = hot.claim()
            syn1, points = hot.buffer, scratch.points
        if cfg.sg:
            loss, pairs = kernels.train_sg_chunk(
                self.block.ids, self.block.offsets, self.t0, self.t1, trainer.syn0, syn1, cfg.hs,
                cfg.negative, t["prob"], t["alias"], t["codes"], points, t["lengths"], cfg.window,
                self.alpha, self.seed, t["sig"], t["nll"], scratch.neu1e)
        else:
            loss, pairs = kernels.train_cbow_chunk(
                self.block.ids, self.block.offsets, self.t0, self.t1, trainer.syn0, syn1, cfg.hs,
                cfg.negative, t["prob"], t["alias"], t["codes"], points, t["lengths"], cfg.window,
                self.alpha, self.seed, t["sig"], t["nll"], cfg.cbow_mean, scratch.neu1, scratch.neu1e)
        if hot is not None:
            hot.merge(scratch.hot_slot)
        return float(loss), int(pairs), self.words


class _Clock:
    """Training time with pauses left out."""

    def __init__(self) -> None:
        self._start = time.perf_counter()
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = time.perf_counter()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += time.perf_counter() - self._paused_at
            self._paused_at = None

    def elapsed(self) -> float:
        now = self._paused_at if self._paused_at is not None else time.perf_counter()
        return now - self._start - self._paused_total


def _mean(loss: float, pairs: int) -> float:
    return loss / pairs if pairs else math.nan


def _init_rows(n: int, dim: int, seed: int, first_row: int) -> np.ndarray:
    # gensim/C-tool initialisation: uniform in [-0.5/dim, 0.5/dim)
    rng = np.random.default_rng([seed, first_row])
    return ((rng.random((n, dim), dtype=np.float32) - 0.5) / dim).astype(np.float32)


def _encode(corpus: Corpus, remap: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Provisional ids -> vocab ids, dropping pruned tokens (as gensim does)."""
    return encode_ids(np.asarray(corpus.tokens), np.asarray(corpus.offsets, dtype=np.int64),
                      np.asarray(remap, dtype=np.int32))


def _blocks(offsets: np.ndarray, block_tokens: int) -> list[tuple[int, int]]:
    """Sentence ranges [s0, s1) of about ``block_tokens`` tokens each."""
    n_sent = len(offsets) - 1
    if n_sent <= 0:
        return []
    targets = np.arange(block_tokens, offsets[-1], block_tokens)
    cuts = np.unique(np.concatenate([[0], np.searchsorted(offsets, targets), [n_sent]]))
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:]) if b > a]


def sentence_order(n_sentences: int, seed: int, epoch: int) -> np.ndarray:
    """The sentences' order in an epoch of a shuffled run: a new permutation each epoch, seeded."""
    return np.random.default_rng([seed, epoch, 0x5EED]).permutation(n_sentences)


def _reordered_offsets(offsets: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Sentence starts when the sentences are laid out in ``order``."""
    out = np.zeros(len(order) + 1, np.int64)
    np.cumsum(np.diff(offsets)[order], out=out[1:])
    return out


def _round_robin(iterators: list) -> Iterator:
    """Items of the iterators in turn, until all are exhausted."""
    active = list(iterators)
    while active:
        for it in list(active):
            try:
                yield next(it)
            except StopIteration:
                active.remove(it)


def _subsample(ids, offsets, s0, s1, keep, seed, reordered=None) -> _Block:
    """Sentences s0..s1-1 subsampled; ``reordered`` = (the corpus's own offsets, the order):
    sentence s is then the corpus's sentence order[s], and ``offsets`` its starts in that order."""
    o = offsets[s0:s1 + 1]
    if reordered is None:
        raw = ids[o[0]:o[-1]]
    else:
        own, order = reordered
        starts = own[order[s0:s1]]
        raw = ids[np.arange(o[-1] - o[0]) + np.repeat(starts - (o[:-1] - o[0]), np.diff(o))]
    kept, kept_offsets = kernels.subsample_ids(raw, o - o[0], keep, seed)
    return _Block(kept, kept_offsets, len(raw))


def _empty_vocab_message(corpus: Corpus, config: TrainConfig) -> str:
    top = int(corpus.counts.max()) if len(corpus.counts) else 0
    where = corpus.source or "the corpus"
    if corpus.n_tokens == 0:
        return f"{where}: no tokens to train on (empty after tokenising)"
    return (f"{where}: no word occurs at least min_count={config.min_count} times "
            f"({corpus.n_tokens:,} tokens, {len(corpus.words):,} distinct, most frequent seen {top} times); "
            f"lower min_count")


def train(corpus: Corpus, config: TrainConfig, cancel: CancelToken | None = None) -> Vectors:
    """Train and return the vectors (convenience for scripts and tests)."""
    return Trainer(corpus, config).train(cancel).vectors()
