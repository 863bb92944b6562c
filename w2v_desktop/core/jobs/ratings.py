"""Reading a rating file into everything item training needs: the one pipeline
behind ``ratings-report``, ``evaluate-recs``, ``recommend``, ``train --ratings``
and the GUI's Open ratings.

events (``read_ratings``) -> item sequences (``build_sequences``) -> item
metadata (``read_items``, when a file is given). ``load_rating_data`` is the
generator the GUI worker runs: each yield is a ``LoadProgress`` for the status
bar and a cancel point; ``read_rating_data`` runs it to the end for callers
that want only the result (the CLI). Callers decide the columns and the
sequence options (CLI flags, the dialog's forms); the steps are decided here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Generator

from w2v_desktop.core.cancel import check_cancel, run_to_end
from w2v_desktop.core.items import ItemTable, RatingScale, data_warnings, rating_scale, read_items
from w2v_desktop.core.items import ColumnMapping, detect_layout
from w2v_desktop.core.items import Interactions, iter_ratings
from w2v_desktop.core.items import MOVIELENS_THRESHOLD, sample_rating_scale, scale_from_counts
from w2v_desktop.core.items import file_order_warning, threshold_warning, vectorless_warning
from w2v_desktop.core.items import SequenceOptions, SequenceReport, build_sequences
from w2v_desktop.core.jobs.corpus import LoadProgress
from w2v_desktop.core.jobs.progress import format_size
from w2v_desktop.core.text import Corpus
from w2v_desktop.core.text.corpus import SPILL_TOKENS
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

READING = QT_TR_NOOP("Reading {name}")
READING_SIZE = QT_TR_NOOP("Reading {name}: {done} of {total}")
READING_DONE = QT_TR_NOOP("Reading {name}: {done}")
READING_ITEMS = QT_TR_NOOP("Reading item metadata {name}")
# Share of the work done when each step starts: reading the file dominates.
SEQUENCES_AT, ITEMS_AT = 0.8, 0.9


@dataclass(frozen=True)
class RatingData:
    """A rating file read and turned into item sequences, with how it was read."""

    events: Interactions | None  # every readable row, in file order (None: left on Spark)
    corpus: Corpus  # item sequences: what the trainer takes
    report: SequenceReport  # what each filtering step removed
    items: ItemTable | None  # titles and genres, when an item file was given
    mapping: ColumnMapping  # the columns used (detected unless given)
    options: SequenceOptions

    spark: Any = None  # core.spark.SparkSequences when Spark read the file (MLlib trains on it)
    scale: Any = None  # core.items.checks.RatingScale of the events (None: left on Spark)
    warnings: tuple[str, ...] = ()  # the threshold and the file order, when they do not suit (checks.py)
    threshold_note: str = ""  # which threshold was suggested and why (``suggest_threshold=True``)

    def titles(self) -> dict[str, str] | None:
        return {name: self.items.title(name) for name in self.items.ids} if self.items else None

    def report_lines(self) -> list[str]:
        """The sequence report, naming items by title where the item file has one, then the
        rating scale and any warning about the threshold or the file order."""
        lines = self.report.lines(self.titles())
        if self.scale is not None:
            lines.append(Phrase(QT_TR_NOOP("rating scale: {scale}"), scale=self.scale.describe()))
        return lines + [Phrase(QT_TR_NOOP("Warning: {warning}"), warning=w) for w in self.warnings]


@dataclass(frozen=True)
class SparkEngine:
    """Where and how Spark reads a rating file."""

    master: str = "local[*]"
    conf: dict[str, str] = field(default_factory=dict)
    file_format: str | None = None  # "csv" or "parquet"; None: from the suffix
    with_events: bool = False  # bring the events back too (evaluation, recommendation)
    corpus: bool = True  # bring the sequences back as a Corpus (MLlib needs none)
    spill_tokens: int = SPILL_TOKENS  # past this many tokens the corpus is a memory-mapped file
    verbose: bool = False  # let Spark's warnings through to the terminal


def suggested_threshold(scale: RatingScale) -> tuple[float | None, str]:
    """The rating threshold for data of this scale when the user gives none, and why, in one
    line: the threshold keeping about the top half of the events (``checks.rating_scale``: 3.5
    on MovieLens's 1-5, 3 on a 0.5-4 scale), none for implicit data. The CLI's default and the
    open dialog's suggestion are this one rule."""
    if scale.distinct == 0:
        return None, Phrase(QT_TR_NOOP("no rating column (implicit data): keeping every event"))
    if scale.implicit:
        return None, Phrase(QT_TR_NOOP("every rating is {low:g} (implicit data): keeping every event"),
                            low=scale.minimum)
    step = Phrase(QT_TR_NOOP(" in steps of {step:g}"), step=scale.step) if scale.step else ""
    where = Phrase(QT_TR_NOOP("ratings {low:g}–{high:g}{step}"), low=scale.minimum, high=scale.maximum, step=step)
    if scale.suggested is None:
        return None, Phrase(QT_TR_NOOP("{where}: keeping every event (the lowest rating alone is over half of them)"),
                            where=where)
    return scale.suggested, Phrase(QT_TR_NOOP("{where}: keeping ratings ≥ {threshold:g} ({share:.0%} of the events, "
                                              "about the top half)"), where=where, threshold=scale.suggested,
                                   share=scale.kept_share)


def load_rating_data(path: str | os.PathLike, mapping: ColumnMapping | None = None,
                     options: SequenceOptions | None = None, items_path: str | os.PathLike = "",
                     strict: bool = False, cancel: Any = None, spark: SparkEngine | None = None,
                     suggest_threshold: bool = False) -> Generator[LoadProgress, None, RatingData]:
    """Read ``path`` (columns from ``mapping``, else detected) into a ``RatingData``.

    ``strict`` stops at the first bad row instead of skipping it; ``items_path``
    ("" for none) adds item metadata; ``cancel`` (see core.cancel) is checked
    between steps and while reading, and raises ``Cancelled``; ``spark`` runs the steps on Spark.
    ``suggest_threshold``: the user gave no rating threshold, so ``options.min_rating`` is
    replaced by ``suggested_threshold`` of the file's scale (the result's ``options`` hold the
    one used, ``threshold_note`` says why). Errors name the file.
    """
    name = os.path.basename(str(path))
    options = options or SequenceOptions()
    if spark is not None:
        return (yield from _load_on_spark(path, mapping, options, items_path, strict, cancel, spark,
                                          suggest_threshold))
    mapping = mapping or detect_layout(path)
    yield LoadProgress(Phrase(READING, name=name), 0.0)
    check_cancel(cancel)
    events = yield from _read_events(path, mapping, strict, cancel, name)
    scale, note = rating_scale(events.ratings), ""
    if suggest_threshold:
        min_rating, note = suggested_threshold(scale)
        options = options.replace(min_rating=min_rating)
    yield LoadProgress(Phrase(QT_TR_NOOP("Building item sequences from {n:,} events"), n=events.n_events),
                       SEQUENCES_AT)
    check_cancel(cancel)
    corpus, report = build_sequences(events, options)
    items = None
    if items_path:
        yield LoadProgress(Phrase(READING_ITEMS, name=os.path.basename(str(items_path))), ITEMS_AT)
        check_cancel(cancel)
        items = read_items(items_path)
    scale, warnings = data_warnings(events, options.min_rating, report, scale)
    # events.mapping: the reader may have changed the encoding (older Latin-1 files)
    return RatingData(events, corpus, report, items, events.mapping or mapping, options,
                      scale=scale, warnings=tuple(warnings), threshold_note=note)


def _read_events(path, mapping: ColumnMapping, strict: bool, cancel: Any, name: str):
    """``read_ratings`` with a progress record per block read (the share of the file's bytes,
    up to SEQUENCES_AT) and a cancel point after each block."""
    reading = iter_ratings(path, mapping, strict)
    while True:
        try:
            done, total = next(reading)
        except StopIteration as stop:
            check_cancel(cancel)
            return stop.value
        check_cancel(cancel)
        share = done / total if total else 0.0
        yield LoadProgress(Phrase(READING_SIZE, name=name, done=format_size(done), total=format_size(total)) if total
                           else Phrase(READING_DONE, name=name, done=format_size(done)),
                           share * SEQUENCES_AT if total else None)


def read_rating_data(path: str | os.PathLike, mapping: ColumnMapping | None = None,
                     options: SequenceOptions | None = None, items_path: str | os.PathLike = "",
                     strict: bool = False, cancel: Any = None,
                     on_progress: Callable[[LoadProgress], None] | None = None,
                     spark: SparkEngine | None = None, suggest_threshold: bool = False) -> RatingData:
    """``load_rating_data`` run to the end; ``on_progress`` sees each record."""
    return run_to_end(load_rating_data(path, mapping, options, items_path, strict, cancel, spark,
                                       suggest_threshold), on_progress)


def _load_on_spark(path, mapping, options, items_path, strict, cancel, engine: SparkEngine,
                   suggest_threshold: bool = False):
    from w2v_desktop.core.spark import collect_interactions, read_events, spark_session, spark_sequences
    from w2v_desktop.core.spark import run_spark_job, stream_corpus
    from w2v_desktop.core.spark.events import file_format_of

    path = str(path)
    if mapping is None and file_format_of(path, engine.file_format) == "csv" and os.path.exists(path):
        mapping = detect_layout(path)  # a file the desktop can open; remote ones need the columns given
    yield LoadProgress(f"Starting Spark ({engine.master})", 0.0)
    session = spark_session(engine.master, engine.conf, engine.verbose)
    check_cancel(cancel)
    events = read_events(session, path, mapping, engine.file_format)
    try:
        histogram = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Reading the rating scale")),
                                             events.rating_histogram, cancel)
    except BaseException:
        events.release()
        raise
    scale = scale_from_counts(*histogram) if histogram else None
    if not events.has_rating:
        scale = scale_from_counts([], [])  # implicit data, as the local reader sees it
    if scale is None and mapping is not None and os.path.isfile(path):
        scale = sample_rating_scale(path, mapping)  # a continuous score: its first rows
    note = ""
    if suggest_threshold:
        if scale is not None:
            min_rating, note = suggested_threshold(scale)
        else:
            min_rating = MOVIELENS_THRESHOLD
            note = (f"the scale of {os.path.basename(path)} is not known: keeping ratings "
                    f"\N{GREATER-THAN OR EQUAL TO} {min_rating:g} (MovieLens's 4 and 5 stars)")
        options = options.replace(min_rating=min_rating)
    sequences = None
    try:
        sequences = yield from spark_sequences(session, events, options, strict, cancel)
        corpus = None
        if engine.corpus:
            corpus = yield from stream_corpus(session, sequences, engine.spill_tokens, cancel=cancel)
            sequences.release()  # what stays on the cluster is what MLlib would train on
        interactions = None
        if engine.with_events:
            check_cancel(cancel)
            interactions = yield from run_spark_job(session, Phrase(QT_TR_NOOP("Bringing back {n:,} events"),
                                                                       n=sequences.report.events_in),
                                                    lambda: collect_interactions(events), cancel)
            interactions.skipped = sequences.report.skipped_rows
    except BaseException:  # cancelled or failed: the session lives on, its caches must not
        if sequences is not None:
            sequences.release()
        raise
    finally:
        events.release()
    items = None
    if items_path:
        yield LoadProgress(Phrase(READING_ITEMS, name=os.path.basename(str(items_path))), ITEMS_AT)
        check_cancel(cancel)
        items = read_items(items_path)
    warnings = [threshold_warning(scale, options.min_rating) if scale is not None else "",
                vectorless_warning(sequences.report)]
    if interactions is not None:
        warnings.append(file_order_warning(interactions))
    return RatingData(interactions, corpus, sequences.report, items, events.mapping, options, sequences,
                      scale=scale, warnings=tuple(w for w in warnings if w), threshold_note=note)
