"""Rating logs to item sequences on Spark, by the same rules and with the same report as
``core/items/sequences.py``: rating threshold -> order by (user, numeric time; file order
breaks ties) -> sessions split at gaps -> consecutive duplicates dropped -> short sequences
dropped. Users come in order of first appearance, as the local reader codes them, and so do
the corpus's provisional item ids.

Spark computes the figures of the report (counts, the length histogram, the item counts:
the vocabulary counts) and the report is assembled from them by the local path's own
builder; events never come back for it. ``spark_sequences`` is a job generator (each yield a
SparkProgress and a cancel point); ``stream_corpus`` brings the sequences back as our int32
corpus, one partition at a time, into a temporary memory-mapped file past ``spill_tokens``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Generator

import numpy as np

from w2v_desktop.core.items import EmptySequencesError, RatingsError, SequenceOptions, SequenceReport
from w2v_desktop.core.items.sequences import (assemble_report, check_left, dedupe_step, length_step,
                                              no_events_message, rating_step, session_step)
from w2v_desktop.core.spark.collect import TokenSink
from w2v_desktop.core.spark.events import SparkEvents, reason_counts, skipped_rows
from w2v_desktop.core.spark.session import SparkProgress, run_spark_job
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase
from w2v_desktop.core.text import Corpus
from w2v_desktop.core.text.corpus import SPILL_TOKENS


@dataclass
class SparkSequences:
    """Kept item sequences on the cluster with their report and vocabulary counts.

    ``events``: one row per kept event with ``ufirst`` (the user's first file row),
    ``session`` (its sequence within the user), ``row``, ``time`` and ``item``.
    ``words``/``counts``: the kept items, first appearance first, and their counts.
    """

    events: Any
    tokens: Any  # item -> token (the position in ``words``)
    report: SequenceReport
    words: list[str]
    counts: np.ndarray
    source: str
    has_time: bool

    def item_sequences(self):
        """One row per sequence, in corpus order: ``items`` (array<string>) -- MLlib's input."""
        return self._collected(self.events, "item", "items")

    def token_sequences(self):
        """One row per sequence, in corpus order: ``tokens`` (array<int>), our provisional ids."""
        return self._collected(self.events.join(self.tokens, "item"), "token", "tokens")

    def _collected(self, events, value: str, name: str):
        from pyspark.sql import functions as F

        keys = (["time"] if self.has_time else []) + ["row", value]
        ordered = F.sort_array(F.collect_list(F.struct(*keys)))
        return (events.groupBy("ufirst", "session").agg(ordered.alias("evs"))
                .select("ufirst", "session", F.col("evs." + value).alias(name))
                .orderBy("ufirst", "session"))

    def release(self) -> None:
        self.events.unpersist()
        self.tokens.unpersist()


def spark_sequences(session, events: SparkEvents, options: SequenceOptions | None = None,
                    strict: bool = False, cancel: Any = None
                    ) -> Generator[SparkProgress, None, SparkSequences]:
    """Sequences of ``events`` (see read_events) on the cluster; raises EmptySequencesError
    naming the step that removed everything, or with ``strict`` RatingsError at any bad row."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    options = options or SequenceOptions()
    source, name = events.source, os.path.basename(events.source.rstrip("/"))
    threshold = options.min_rating is not None and events.has_rating
    good = events.good()
    figures = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Reading {name}"), name=name), lambda: _event_figures(
        events, options.min_rating if threshold else None), cancel)
    skipped = skipped_rows(figures)
    if strict and skipped.total:
        raise RatingsError(f"{source}: {skipped.summary()} (strict mode; turn it off to skip bad rows)")
    n_in = figures["events_in"]
    if n_in == 0:
        raise EmptySequencesError(no_events_message(source, skipped))
    n_kept = figures["kept"] if threshold else n_in
    rating_range = (figures["lowest"], figures["highest"]) if events.has_rating else None
    steps = [rating_step(n_in, n_kept, options.min_rating, rating_range)]

    first_rows = good.groupBy("user").agg(F.min("row").alias("ufirst"))
    kept = good.filter(F.col("rating") >= _float32(options.min_rating)) if threshold else good
    kept = kept.join(first_rows, "user")
    user = Window.partitionBy("ufirst").orderBy(*(["time"] if events.has_time else []), "row")
    start = F.lag("row").over(user).isNull()
    if options.session_gap is not None and events.has_time:
        start = start | ((F.col("time") - F.lag("time").over(user)) > float(options.session_gap))
    kept = kept.withColumn("start", start)
    kept = kept.withColumn("session", F.sum(F.col("start").cast("long")).over(
        user.rowsBetween(Window.unboundedPreceding, Window.currentRow)))
    if options.dedupe_consecutive:
        kept = kept.withColumn("repeat", (F.col("item") == F.lag("item").over(user)) & ~F.col("start"))
        kept = kept.filter(~F.coalesce(F.col("repeat"), F.lit(False)))  # window values cannot filter
    kept = kept.withColumn("length", F.count(F.lit(1)).over(Window.partitionBy("ufirst", "session")))
    kept = kept.select("ufirst", "session", "row", "time", "item", "length").persist(StorageLevel.MEMORY_AND_DISK)
    try:
        shape = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Building item sequences from {n:,} events"), n=n_in),
                                         lambda: _sequence_figures(kept, options.min_length), cancel)
        n_deduped = int((shape["lengths"] * shape["n_of_length"]).sum())
        if options.session_gap is not None:
            steps.append(session_step(options.session_gap, n_kept, shape["sequences"] - shape["users"]))
        if options.dedupe_consecutive:
            steps.append(dedupe_step(n_kept - n_deduped, n_deduped))
        check_left(steps, source)
        short = shape["lengths"] < options.min_length
        n_dropped = int((shape["lengths"][short] * shape["n_of_length"][short]).sum())
        steps.append(length_step(options.min_length, n_dropped, n_deduped - n_dropped,
                                 int(shape["n_of_length"][short].sum())))
        check_left(steps, source)
        final = kept.filter(F.col("length") >= options.min_length).drop("length")
        final = final.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            tokens, table = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Counting items")),
                                                     lambda: _item_table(good, final), cancel)
        except BaseException:  # cancelled or failed: nothing may stay cached on the cluster
            final.unpersist()
            raise
    finally:
        kept.unpersist()
    item_ids = [r["item"] for r in table]
    item_counts = np.array([r["n"] for r in table], dtype=np.int64)
    report = assemble_report(
        source, events_in=n_in, users_in=figures["users_in"], steps=steps, users_kept=shape["users_kept"],
        lengths=shape["lengths"][~short], n_of_length=shape["n_of_length"][~short], item_ids=item_ids,
        item_counts=item_counts, min_count=options.min_count, skipped=skipped)
    present = item_counts > 0
    return SparkSequences(final, tokens, report, [i for i, p in zip(item_ids, present) if p],
                          item_counts[present], source, events.has_time)


def stream_corpus(session, sequences: SparkSequences, spill_tokens: int = SPILL_TOKENS,
                  spill_dir: str | None = None, cancel: Any = None) -> Generator[SparkProgress, None, Corpus]:
    """The sequences brought back as a Corpus (provisional ids = ``sequences.words``), one
    partition at a time, into a :class:`~w2v_desktop.core.spark.collect.TokenSink` (a
    temporary memory-mapped .int32 file past ``spill_tokens``, removed once mapped)."""
    n_tokens = sequences.report.events_kept
    sink = TokenSink(n_tokens, spill_tokens, spill_dir)
    try:
        def fill():
            lengths = np.empty(sequences.report.sequences, np.int64)
            i = -1
            for i, row in enumerate(sequences.token_sequences().select("tokens").toLocalIterator(True)):
                sink.write(np.asarray(row[0], np.int32))
                lengths[i] = len(row[0])
            if i + 1 != len(lengths):
                raise RuntimeError(f"{sequences.source}: Spark sent {i + 1:,} sequences, "
                                   f"the report counted {len(lengths):,}")
            return sink.finish(), lengths

        tokens, lengths = yield from run_spark_job(
            session, Phrase(QT_TR_NOOP("Bringing back {n:,} item tokens"), n=n_tokens), fill, cancel)
    finally:
        sink.close()
    offsets = np.zeros(len(lengths) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return Corpus(list(sequences.words), sequences.counts.copy(), tokens, offsets, sequences.source)


def _float32(threshold: float) -> float:
    """The threshold as the local path compares it: float32 ratings against a float32 bound
    (3.3 as float32 is below 3.3, and the local path keeps a 3.3 rating at --min-rating 3.3)."""
    return float(np.float32(threshold))


def _event_figures(events: SparkEvents, min_rating: float | None) -> dict:
    from pyspark.sql import functions as F

    good = F.col("reason").isNull()
    aggs = [F.count(F.when(good, 1)).alias("events_in"),
            F.countDistinct(F.when(good, F.col("user"))).alias("users_in"), *reason_counts(events.frame)]
    if events.has_rating:
        rating = F.when(good, F.col("rating"))
        aggs += [F.min(rating).alias("lowest"), F.max(rating).alias("highest")]
    if min_rating is not None:
        aggs.append(F.count(F.when(good & (F.col("rating") >= _float32(min_rating)), 1)).alias("kept"))
    return events.frame.agg(*aggs).first().asDict()


def _sequence_figures(kept, min_length: int) -> dict:
    from pyspark.sql import functions as F

    per_sequence = kept.select("ufirst", "session", "length").distinct()
    users = per_sequence.agg(F.countDistinct("ufirst").alias("users"),
                             F.countDistinct(F.when(F.col("length") >= min_length, F.col("ufirst")))
                             .alias("users_kept"), F.count(F.lit(1)).alias("sequences")).first()
    histogram = per_sequence.groupBy("length").count().orderBy("length").collect()
    return {"users": users["users"], "users_kept": users["users_kept"], "sequences": users["sequences"],
            "lengths": np.array([r[0] for r in histogram], np.int64),
            "n_of_length": np.array([r[1] for r in histogram], np.int64)}


def _item_table(good, final):
    """(item -> token frame, persisted; every item of the file with its kept count, first
    appearance first). Tokens number the kept items in that order."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    in_file = good.groupBy("item").agg(F.min("row").alias("first"))
    counts = final.groupBy("item").agg(F.count(F.lit(1)).alias("n"))
    table = in_file.join(counts, "item", "left").fillna(0, ["n"]).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        rows = table.orderBy("first").select("item", "n").collect()
        tokens = (table.filter(F.col("n") > 0)
                  .select("item", (F.row_number().over(Window.orderBy("first")) - 1).cast("int").alias("token"))
                  .persist(StorageLevel.MEMORY_AND_DISK))
        try:
            tokens.count()
        except BaseException:
            tokens.unpersist()
            raise
    finally:
        table.unpersist()
    return tokens, rows
