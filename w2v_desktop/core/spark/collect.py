"""Sequences computed on Spark, brought back to the desktop as our int32 Corpus.

What Spark makes (tokenised lines, rating sequences, walks) must train exactly as if it had
been read locally, so the Corpus must be the one ``CorpusBuilder`` would have built from
the same stream of sequences: provisional ids in order of first appearance, empty
sequences dropped. Two Spark passes, with the sequences persisted between them so
tokenising or walking is not redone:

1. the vocabulary, counted on the executors: per partition each key's count and first
   position (partition index, token position in it), reduced by key. The driver sorts the
   keys by first position, which is the order in which a reader of the whole stream,
   partition after partition, meets them: that is CorpusBuilder's id order.
2. the tokens: keys become ids on the executors (the vocabulary broadcast) and travel in
   int32 batches, streamed with ``toLocalIterator`` (one partition on the driver at a
   time) into one array sized from the counts: in RAM up to ``spill_tokens``, else a
   memory-mapped anonymous temporary file (``core.scratch``), which no exit leaves behind.

Keys are item names (``collect_name_corpus``: text, rating sequences) or node ids with a
name table (``collect_id_corpus``: walks, which never turn into strings on the executors).
The vocabulary and the sentence lengths must fit on the driver, as for the local reader.
"""
from __future__ import annotations

from array import array
from typing import Any, Callable, Generator, Iterable, Iterator

import numpy as np

from w2v_desktop.core.cancel import Cancelled, is_cancelled
from w2v_desktop.core.scratch import spill_file
from w2v_desktop.core.spark.session import SparkProgress, run_spark_job
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.text import Corpus
from w2v_desktop.core.text.corpus import SPILL_TOKENS

BATCH_TOKENS = 1 << 16  # ids per record shipped to the driver
COLLECTING = Phrase(QT_TR_NOOP("Collecting the corpus"))  # what the cluster is doing, said by default
Job = Generator[SparkProgress, None, Any]


class TokenSink:
    """An int32 array of a known size filled in order: in RAM up to ``spill_tokens`` tokens,
    else a memory map of an anonymous temporary file in ``spill_dir`` (``core.scratch``: it has
    no name, so no exit, SIGKILL included, leaves it behind). ``finish`` returns the (read-only,
    for a spilled file) array; ``close`` lets the file go (its space is freed once no array maps
    it). Use as ``try: ... finally: sink.close()``."""

    def __init__(self, total: int, spill_tokens: int = SPILL_TOKENS, spill_dir: str | None = None):
        self.total, self.filled, self.file = int(total), 0, None
        if self.total > spill_tokens:
            self.file = spill_file(spill_dir)
            self.file.truncate(4 * self.total)
            self.array = np.memmap(self.file, dtype=np.int32, mode="r+", shape=(self.total,))
        else:
            self.array = np.empty(self.total, np.int32)

    @property
    def spilled(self) -> bool:
        return self.file is not None

    def write(self, ids: np.ndarray) -> None:
        end = self.filled + len(ids)
        if end > self.total:
            raise RuntimeError(f"the sequences changed between Spark passes: more than the "
                               f"{self.total:,} tokens counted came back")
        self.array[self.filled:end] = ids
        self.filled = end

    def finish(self) -> np.ndarray:
        if self.filled != self.total:
            raise RuntimeError(f"the sequences changed between Spark passes: {self.filled:,} tokens "
                               f"came back, {self.total:,} were counted")
        if self.file is None:
            return self.array
        self.array.flush()
        self.array = None  # the writable mapping is closed before the read-only one opens
        return np.memmap(self.file, dtype=np.int32, mode="r", shape=(self.total,))

    def close(self) -> None:
        if self.file is not None:
            self.array = None
            self.file.close()


def first_positions(index: int, sequences: Iterable[Iterable]) -> Iterator[tuple[Any, tuple[int, int, int]]]:
    """(key, (count, partition index, first token position)) for each key of one partition."""
    seen: dict = {}
    position = 0
    for sequence in sequences:
        for key in sequence:
            entry = seen.get(key)
            if entry is None:
                seen[key] = [1, position]
            else:
                entry[0] += 1
            position += 1
    for key, (count, first) in seen.items():
        yield key, (count, index, first)


def id_first_positions(index: int, batches: Iterable[tuple[bytes, bytes]]
                       ) -> Iterator[tuple[int, tuple[int, int, int]]]:
    """``first_positions`` for batches of int32 node ids (numpy, no per-token Python)."""
    nodes, counts, firsts = [], [], []
    position = 0
    for ids_bytes, _ in batches:
        ids = np.frombuffer(ids_bytes, np.int32)
        present, first, count = np.unique(ids, return_index=True, return_counts=True)
        nodes.append(present)
        counts.append(count)
        firsts.append(first + position)
        position += len(ids)
    if not nodes:
        return
    nodes_all, counts_all, firsts_all = (np.concatenate(a) for a in (nodes, counts, firsts))
    order = np.lexsort((firsts_all, nodes_all))  # by node, then position: the first row of each is its first
    nodes_all, counts_all, firsts_all = nodes_all[order], counts_all[order], firsts_all[order]
    starts = np.flatnonzero(np.r_[True, nodes_all[1:] != nodes_all[:-1]])
    totals = np.add.reduceat(counts_all, starts)
    for node, count, first in zip(nodes_all[starts].tolist(), totals.tolist(), firsts_all[starts].tolist()):
        yield node, (count, index, first)


def merge_counts(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0],) + min(a[1:], b[1:])


def order_vocabulary(entries: list[tuple[Any, tuple[int, int, int]]]) -> tuple[list, np.ndarray]:
    """(keys in order of first appearance, int64 counts) from reduced ``first_positions``."""
    entries.sort(key=lambda entry: entry[1][1:])
    return [key for key, _ in entries], np.array([value[0] for key, value in entries], dtype=np.int64)


def name_batches(sequences: Iterable[Iterable[str]], index: dict[str, int],
                 batch_tokens: int = BATCH_TOKENS) -> Iterator[tuple[bytes, bytes]]:
    """(int32 ids, int64 lengths) batches of non-empty sequences, names looked up in ``index``."""
    ids, lengths = array("i"), array("q")
    for sequence in sequences:
        before = len(ids)
        ids.extend(map(index.__getitem__, sequence))
        if len(ids) > before:
            lengths.append(len(ids) - before)
        if len(ids) >= batch_tokens:
            yield ids.tobytes(), lengths.tobytes()
            ids, lengths = array("i"), array("q")
    if lengths:
        yield ids.tobytes(), lengths.tobytes()


def collect_name_corpus(session, sequences, source: str = "", *, spill_tokens: int = SPILL_TOKENS,
                        spill_dir: str | None = None, cancel: Any = None,
                        description: str = COLLECTING) -> Job:
    """Job: a Corpus from ``sequences``, an RDD of sequences of names (lists of str) or a
    DataFrame whose first column is an array of strings, in corpus order (partition order,
    then order within each partition). The Corpus is what ``Corpus.from_sentences`` would
    build from the same sequences read in that order: words, counts, tokens, offsets."""
    rdd = sequences.rdd.map(lambda row: row[0]) if hasattr(sequences, "columns") else sequences

    def to_batches(vocabulary: list[str]):
        index = session.sparkContext.broadcast({name: i for i, name in enumerate(vocabulary)})
        return rdd.mapPartitions(lambda part: name_batches(part, index.value)), index

    return (yield from _collect(session, rdd, rdd.mapPartitionsWithIndex(first_positions), to_batches,
                                lambda keys: keys, source, spill_tokens, spill_dir, cancel, description))


def collect_id_corpus(session, batches, names: list[str], source: str = "", *,
                      spill_tokens: int = SPILL_TOKENS, spill_dir: str | None = None, cancel: Any = None,
                      description: str = COLLECTING) -> Job:
    """Job: a Corpus from ``batches``, an RDD of (int32 node ids, int64 lengths) byte records in
    corpus order (node ``i`` is named ``names[i]``; lengths of non-empty sequences). Words are
    the nodes that occur, in order of first appearance, as ``walk_corpus`` numbers them."""
    def to_batches(nodes: list[int]):
        to_token = np.full(len(names), -1, dtype=np.int32)
        to_token[np.asarray(nodes, dtype=np.int64)] = np.arange(len(nodes), dtype=np.int32)
        table = session.sparkContext.broadcast(to_token)
        return batches.map(lambda batch: (table.value[np.frombuffer(batch[0], np.int32)].tobytes(),
                                          batch[1])), table

    return (yield from _collect(session, batches, batches.mapPartitionsWithIndex(id_first_positions),
                                to_batches, lambda nodes: [names[i] for i in nodes], source, spill_tokens,
                                spill_dir, cancel, description))


def _collect(session, rdd, keyed, to_batches: Callable, to_words: Callable, source: str,
             spill_tokens: int, spill_dir: str | None, cancel: Any, description: str) -> Job:
    broadcast = sink = None
    kept = keep(rdd)
    try:
        entries = yield from run_spark_job(session, Phrase(QT_TR_NOOP("{description}: counting"), description=description),
                                           lambda: keyed.reduceByKey(merge_counts).collect(), cancel)
        keys, counts = order_vocabulary(entries)
        id_batches, broadcast = to_batches(keys)
        sink = TokenSink(int(counts.sum()), spill_tokens, spill_dir)
        lengths = array("q")

        def stream() -> None:
            for ids_bytes, lengths_bytes in id_batches.toLocalIterator():
                if is_cancelled(cancel):
                    raise Cancelled(f"{description}: cancelled")
                sink.write(np.frombuffer(ids_bytes, np.int32))
                lengths.frombytes(lengths_bytes)

        yield from run_spark_job(session, Phrase(QT_TR_NOOP("{description}: streaming tokens"), description=description),
                                 stream, cancel)
        tokens = sink.finish()
        offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
        if len(lengths):
            np.cumsum(np.frombuffer(lengths, dtype=np.int64), out=offsets[1:])
        return Corpus(to_words(keys), counts, tokens, offsets, source)
    finally:
        if sink is not None:
            sink.close()
        if broadcast is not None:
            broadcast.unpersist()
        if kept:
            rdd.unpersist()


def keep(rdd) -> bool:
    """Persist ``rdd`` (memory, then disk) for a job that reads it more than once, so that
    tokenising or walking is not redone; True when this call persisted it (and the caller
    unpersists it), False when it was already cached."""
    from pyspark import StorageLevel

    if rdd.is_cached:
        return False
    rdd.persist(StorageLevel.MEMORY_AND_DISK)
    return True
