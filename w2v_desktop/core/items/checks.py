"""What a rating file's defaults get wrong when it is not MovieLens, said before it costs a run.

- the rating scale (minimum, maximum, distinct values, step) and a threshold suited to it:
  the MovieLens default 3.5 keeps the top half of a 1-5 file but more than half of a
  0.5-4 file's events are below it; implicit data (no rating, or one value) takes none;
- file order: without a time column the file order is the time order, and a file sorted
  by item (or by user, then item) makes each user's "last event" an artefact of sorting,
  so leave-last-out evaluation measures nothing;
- collapsed vectors: a mean pairwise cosine near 1 means every item points the same way
  (too few events per item, or a file trained as text) and neighbours mean nothing;
- an evaluation in which a baseline beats every method.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np

from w2v_desktop.core.items.layouts import ColumnMapping
from w2v_desktop.core.items.ratings import Interactions
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

MOVIELENS_THRESHOLD = 3.5  # SequenceOptions' default: 4 and 5 stars of MovieLens's 1-5
KEEP_SHARE = 0.5  # a suggested threshold keeps about the top half of the events (at least)
MIN_KEPT = 0.5  # a threshold keeping less than this share of the events is warned about
COLLAPSE_COSINE = 0.9
SCALE_SAMPLE = 2_000_000  # distinct values and shares from at most this many ratings
SORTED_SHARE = 0.95


@dataclass(frozen=True)
class RatingScale:
    """What the rating column holds; ``suggested`` is a threshold (None: keep every event)."""

    minimum: float | None
    maximum: float | None
    distinct: int
    step: float | None  # the smallest gap between distinct values (None: fewer than 2)
    suggested: float | None
    kept_share: float  # share of events the suggested threshold keeps
    sampled: int = 0  # ratings looked at (a sample of the file in the open dialog)
    values: tuple[float, ...] = ()  # the distinct values, ascending
    shares: tuple[float, ...] = ()  # share of the events at or above each value

    def share_kept(self, min_rating: float | None) -> float:
        """The share of events a threshold keeps."""
        if min_rating is None or not self.values:
            return 1.0
        i = int(np.searchsorted(np.asarray(self.values), min_rating - 1e-9))
        return self.shares[i] if i < len(self.shares) else 0.0

    @property
    def implicit(self) -> bool:
        return self.distinct <= 1

    def describe(self) -> Phrase:
        if self.distinct == 0:
            return Phrase(QT_TR_NOOP("no rating column: implicit data, every event is kept"))
        if self.implicit:
            return Phrase(QT_TR_NOOP("every rating is {low:g}: implicit data, every event is kept"), low=self.minimum)
        step = Phrase(QT_TR_NOOP(" in steps of {step:g}"), step=self.step) if self.step else ""
        suggestion = (Phrase(QT_TR_NOOP("suggested: keep ratings >= {threshold:g} ({share:.0%} of the events)"),
                             threshold=self.suggested, share=self.kept_share)
                      if self.suggested is not None else Phrase(QT_TR_NOOP("suggested: keep every event")))
        return Phrase(QT_TR_NOOP("ratings {low:g} to {high:g}{step} ({n} distinct values); {suggestion}"),
                      low=self.minimum, high=self.maximum, step=step, n=self.distinct, suggestion=suggestion)


def rating_scale(ratings: np.ndarray | None, seed: int = 0) -> RatingScale:
    """The scale of ``ratings`` and a threshold that keeps about the top half of the
    events: the highest value v with at least half the events at v or above (half a
    step below it on whole-number scales: 3.5 on MovieLens's 1-5, where 4 and 5 make
    55 %; on a 0.5-step scale v itself)."""
    if ratings is None or not len(ratings):
        return RatingScale(None, None, 0, None, None, 1.0)
    values = np.asarray(ratings, dtype=np.float64)
    values = values[np.isfinite(values)]
    if not len(values):
        return RatingScale(None, None, 0, None, None, 1.0)
    if len(values) > SCALE_SAMPLE:
        values = np.random.default_rng(seed).choice(values, SCALE_SAMPLE, replace=False)
    distinct, counts = np.unique(values, return_counts=True)
    return scale_from_counts(distinct, counts)


def scale_from_counts(distinct, counts) -> RatingScale:
    """``rating_scale`` from a histogram: the distinct finite ratings (ascending) and how many
    events have each (a Spark aggregate gives this without bringing the events back)."""
    distinct = np.asarray(distinct, dtype=np.float64)
    counts = np.asarray(counts, dtype=np.int64)
    if not len(distinct):
        return RatingScale(None, None, 0, None, None, 1.0)
    low, high, n = float(distinct[0]), float(distinct[-1]), int(counts.sum())
    if len(distinct) == 1:
        return RatingScale(low, high, 1, None, None, 1.0, n)
    step = float(np.diff(distinct).min())
    at_or_above = np.cumsum(counts[::-1])[::-1] / counts.sum()  # share >= each distinct value
    v = int(np.flatnonzero(at_or_above >= KEEP_SHARE).max())
    table = dict(values=tuple(float(x) for x in distinct), shares=tuple(float(x) for x in at_or_above))
    if v == 0:  # the lowest value already holds more than half: keep everything
        return RatingScale(low, high, len(distinct), step, None, 1.0, n, **table)
    threshold = float(distinct[v]) - (step / 2 if step >= 1 else 0.0)
    return RatingScale(low, high, len(distinct), step, round(threshold, 6), float(at_or_above[v]), n, **table)


def threshold_warning(scale: RatingScale, min_rating: float | None) -> str:
    """Why ``min_rating`` does not suit this scale ("" when it does)."""
    if min_rating is None or scale.distinct == 0:
        return ""
    if scale.implicit:
        if min_rating > scale.minimum:
            return Phrase(QT_TR_NOOP("every rating is {low:g} (implicit data): a threshold of {threshold:g} drops "
                                     "every event; keep all events."), low=scale.minimum, threshold=min_rating)
        return Phrase(QT_TR_NOOP("every rating is {low:g} (implicit data): a threshold of {threshold:g} filters "
                                 "nothing; keep all events."), low=scale.minimum, threshold=min_rating)
    suggested = (Phrase(QT_TR_NOOP("keep ratings >= {threshold:g} ({share:.0%})"), threshold=scale.suggested,
                        share=scale.kept_share) if scale.suggested is not None
                 else Phrase(QT_TR_NOOP("keep every event")))
    if min_rating > scale.maximum:
        return Phrase(QT_TR_NOOP("the threshold {threshold:g} is above the highest rating ({high:g}): every event "
                                 "is dropped. Suggested: {suggested}."),
                      threshold=min_rating, high=scale.maximum, suggested=suggested)
    kept = scale.share_kept(min_rating)
    if kept < MIN_KEPT:
        return Phrase(QT_TR_NOOP("ratings run {low:g}-{high:g}: keeping ratings >= {threshold:g} drops {dropped:.0%} "
                                 "of the events, and items with few events left get no vector or a poor one. "
                                 "Suggested: {suggested}."), low=scale.minimum, high=scale.maximum,
                      threshold=min_rating, dropped=1 - kept, suggested=suggested)
    return ""


def sample_rating_scale(path, mapping: ColumnMapping, rows: int = 20_000) -> RatingScale:
    """The scale of the first ``rows`` rows (the open dialog, before the file is read)."""
    if mapping.rating is None:
        return rating_scale(None)
    with open(path, encoding=mapping.encoding, errors="replace") as f:
        lines = [line.rstrip("\r\n") for line in itertools.islice(f, rows + int(mapping.header))]
    column = mapping.rating
    if mapping.header and lines:
        names = [n.strip().strip('"') for n in lines.pop(0).split(mapping.delimiter)]
        if isinstance(column, str):
            column = names.index(column) if column in names else -1
    values = []
    for line in lines:
        cells = line.split(mapping.delimiter)
        if 0 <= column < len(cells):
            try:
                values.append(float(cells[column].strip().strip('"')))
            except ValueError:
                pass
    return replace(rating_scale(np.asarray(values)), sampled=len(values))


def file_order_warning(events: Interactions) -> str:
    """Without a time column: does the file look sorted by item, or by user then item?"""
    if events.times is not None or events.n_events < 3:
        return ""
    users, items = events.users, events.items
    same_user = users[1:] == users[:-1]
    item_runs = 1 + int(np.count_nonzero(items[1:] != items[:-1]))
    if events.n_items > 1 and item_runs <= 1.05 * events.n_items and item_runs < 0.5 * events.n_events:
        return Phrase(QT_TR_NOOP("No time column, and the rows are grouped by item: each user's \"last event\" is "
                                 "whatever the sorting put last, so leave-last-out evaluation measures nothing and "
                                 "sequences follow the item order. Give the time column if the file has one."))
    if same_user.any():
        rank = _id_rank(events.item_ids)[items]
        rising = np.count_nonzero(rank[1:][same_user] > rank[:-1][same_user]) / np.count_nonzero(same_user)
        user_runs = 1 + int(np.count_nonzero(~same_user))
        if user_runs <= 1.05 * events.n_users and rising >= SORTED_SHARE:
            return Phrase(QT_TR_NOOP("No time column, and the rows are sorted by user, then by item: each user's "
                                     "\"last event\" is the highest item id, so leave-last-out evaluation measures "
                                     "nothing and sequences follow the item order. Give the time column if the file "
                                     "has one."))
    return ""


def _id_rank(ids: list[str]) -> np.ndarray:
    """Each id's rank in sorted order: numerically when every id is a number."""
    try:
        keys = np.asarray([float(i) for i in ids])
    except ValueError:
        keys = np.asarray(ids, dtype=object)
    order = np.argsort(keys, kind="stable")
    rank = np.empty(len(ids), np.int64)
    rank[order] = np.arange(len(ids))
    return rank


def mean_pairwise_cosine(vectors, sample: int = 1000, seed: int = 0) -> float:
    """Mean cosine between distinct rows of a seeded sample of ``vectors`` (nan for < 2 rows)."""
    n = len(vectors)
    if n < 2:
        return float("nan")
    rows = np.random.default_rng(seed).choice(n, min(sample, n), replace=False)
    unit = vectors.unit[rows].astype(np.float64)
    total = unit.sum(axis=0)
    m = len(rows)
    return float((total @ total - (unit * unit).sum()) / (m * (m - 1)))


def collapse_warning(vectors, what: str = QT_TR_NOOP("item vectors")) -> str:
    """A warning when the vectors all point one way (mean pairwise cosine > COLLAPSE_COSINE)."""
    cosine = mean_pairwise_cosine(vectors)
    if not cosine > COLLAPSE_COSINE:
        return ""
    return Phrase(QT_TR_NOOP("The {what} have collapsed: the mean cosine between two of them is {cosine:.3f} (near "
                             "1), so every item looks similar to every other and neighbours mean nothing. Usual "
                             "causes: too few events per item (a threshold that drops most events), subsampling "
                             "too strong (sample), or a ratings file trained as text."),
                  what=what if isinstance(what, Phrase) else Phrase(what), cosine=cosine)


def vectorless_warning(report) -> str:
    """A warning when more than a third of the items get no vector (a SequenceReport)."""
    if report.items_in and report.items_without_vector > report.items_in / 3:
        return Phrase(QT_TR_NOOP("{n:,} of {total:,} items get no vector ({share:.0%}): lower the rating threshold "
                                 "or min_count."), n=report.items_without_vector, total=report.items_in,
                      share=report.items_without_vector / report.items_in)
    return ""


def data_warnings(events: Interactions | None, min_rating: float | None,
                  report=None, scale: RatingScale | None = None) -> tuple[RatingScale | None, list[str]]:
    """The scale of ``events`` (``scale`` when already known) and the warnings about the
    threshold, the items left without a vector (``report``, a SequenceReport) and the file order."""
    if events is None:
        return None, []
    scale = scale or rating_scale(events.ratings)
    checks = (threshold_warning(scale, min_rating), vectorless_warning(report) if report is not None else "",
              file_order_warning(events))
    return scale, [w for w in checks if w]
