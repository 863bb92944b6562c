"""Interactions -> time-ordered item sequences (the "sentences" of item2vec).

Steps, all vectorised over the event arrays (no Python loop per event):
rating threshold -> sort by (user, numeric time; file order breaks ties) ->
split a user's history into sessions where the gap exceeds a limit -> drop
consecutive duplicates -> drop sequences shorter than ``min_length``.
A ``SequenceReport`` says what each step removed and which items will get no
vector, and an empty result names the step that removed everything.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from w2v_desktop.core.config import ITEM_DEFAULTS
from w2v_desktop.core.text import Corpus, count_ids
from w2v_desktop.core.items.ratings import Interactions, SkippedRows
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase, joined, plural

EXAMPLES = 8


class EmptySequencesError(ValueError):
    """Filtering left no sequence; the message names the step responsible."""


@dataclass(frozen=True)
class SequenceOptions:
    min_rating: float | None = 3.5  # keep ratings >= this; None keeps all (implicit data)
    session_gap: float | None = None  # seconds; None keeps one sequence per user
    min_length: int = 2  # a sequence of one item teaches nothing about co-occurrence
    dedupe_consecutive: bool = False
    min_count: int = ITEM_DEFAULTS["min_count"]  # only for the report: items left without a vector

    def __post_init__(self) -> None:
        if self.session_gap is not None and self.session_gap <= 0:
            raise ValueError(f"session_gap must be positive seconds (got {self.session_gap!r})")
        if self.min_length < 1:
            raise ValueError(f"min_length must be at least 1 (got {self.min_length!r})")
        if self.min_count < 1:
            raise ValueError(f"min_count must be at least 1 (got {self.min_count!r})")

    def replace(self, **changes) -> "SequenceOptions":
        return replace(self, **changes)


@dataclass
class Step:
    name: str
    dropped: int  # events removed by this step
    remaining: int
    note: str = ""


@dataclass
class SequenceReport:
    source: str
    users_in: int
    items_in: int
    events_in: int
    steps: list[Step]
    sequences: int
    users_kept: int
    items_kept: int
    events_kept: int
    length_stats: dict[str, float]
    length_histogram: list[tuple[int, int, int]]  # (lowest, highest length, sequences)
    min_count: int
    items_without_events: int  # items whose every event was filtered out
    items_below_min_count: int
    below_min_count_examples: list[tuple[str, int]]  # (item id, count), most frequent first
    skipped_rows: SkippedRows = field(default_factory=SkippedRows)

    @property
    def items_without_vector(self) -> int:
        return self.items_without_events + self.items_below_min_count

    def lines(self, titles: dict[str, str] | None = None) -> list[str]:
        out = [Phrase(QT_TR_NOOP("{source}: {events:,} events, {users:,} users, {items:,} items; {skipped}"),
                      source=self.source, events=self.events_in, users=self.users_in, items=self.items_in,
                      skipped=self.skipped_rows.summary())]
        for step in self.steps:
            note = joined("", [" (", step.note, ")"]) if step.note else ""
            out.append(Phrase(QT_TR_NOOP("  {step}: dropped {dropped:,}, {left:,} left{note}"),
                              step=step.name, dropped=step.dropped, left=step.remaining, note=note))
        s = self.length_stats
        out.append(Phrase(QT_TR_NOOP("{sequences:,} sequences from {users:,} users, {events:,} events over "
                                     "{items:,} items"), sequences=self.sequences, users=self.users_kept,
                          events=self.events_kept, items=self.items_kept))
        out.append(Phrase(QT_TR_NOOP("  length: min {min:.0f}, median {median:.0f}, mean {mean:.1f}, p90 {p90:.0f}, "
                                     "max {max:.0f}"), **{k: s[k] for k in ("min", "median", "mean", "p90", "max")}))
        out.append(Phrase(QT_TR_NOOP("  histogram: {bins}"), bins=", ".join(
            f"{lo}-{hi}: {n:,}" if lo != hi else f"{lo}: {n:,}" for lo, hi, n in self.length_histogram)))
        out.append(Phrase(QT_TR_NOOP("items with no vector: {n:,} of {total:,} ({no_events:,} lost every event, "
                                     "{rare:,} seen fewer than min_count={min_count} times)"),
                          n=self.items_without_vector, total=self.items_in, no_events=self.items_without_events,
                          rare=self.items_below_min_count, min_count=self.min_count))
        if self.below_min_count_examples:
            titles = titles or {}
            examples = ", ".join(f"{item}{' ' + repr(titles[item]) if titles.get(item) else ''} x{n}"
                                 for item, n in self.below_min_count_examples)
            out.append(Phrase(QT_TR_NOOP("  e.g. {examples}"), examples=examples))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


@dataclass
class Sequences:
    """Kept events in sequence order; sequence i is events[offsets[i]:offsets[i+1]]."""

    events: Interactions
    offsets: np.ndarray  # int64, len n_sequences + 1

    @property
    def n_sequences(self) -> int:
        return len(self.offsets) - 1

    @property
    def users(self) -> np.ndarray:
        return self.events.users[self.offsets[:-1]]

    def to_corpus(self, source: str = "") -> Corpus:
        """A Corpus whose tokens are item ids, built from arrays in one go."""
        codes = self.events.items
        if len(codes) == 0:
            return Corpus([], np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(1, np.int64), source)
        # Provisional ids in item-code order, i.e. first appearance in the file (no sort needed).
        present = np.flatnonzero(np.bincount(codes, minlength=self.events.n_items))
        to_token = np.full(self.events.n_items, -1, dtype=np.int32)
        to_token[present] = np.arange(len(present), dtype=np.int32)
        tokens = to_token[codes]
        words = [self.events.item_ids[c] for c in present.tolist()]
        counts = count_ids(tokens, len(words))
        return Corpus(words, counts, tokens, self.offsets.astype(np.int64), source)


def keep_ratings(events: Interactions, min_rating: float | None) -> Interactions:
    if min_rating is None or events.ratings is None:
        return events
    return events.select(events.ratings >= min_rating)


def sort_events(events: Interactions) -> Interactions:
    """Stable sort by (user, time): ties keep file order. Times are numbers, never strings."""
    order = _user_time_order(events.users, events.times)
    pick = (lambda a: None if a is None else a[order])
    return Interactions(events.users[order], events.items[order], events.user_ids, events.item_ids,
                        pick(events.ratings), pick(events.times), events.source, events.mapping,
                        events.skipped)


def _user_time_order(users: np.ndarray, times: np.ndarray | None) -> np.ndarray:
    if times is None or len(times) == 0:
        return np.argsort(users, kind="stable")
    lo, hi = float(times.min()), float(times.max())
    span = hi - lo + 1
    whole = bool(np.all(np.floor(times) == times)) if np.isfinite(span) else False
    if whole and (int(users.max()) + 1) * span < 2 ** 62:
        # One int64 key sorts in a single stable pass, several times faster than lexsort.
        key = users.astype(np.int64) * np.int64(span)
        key += (times - lo).astype(np.int64)
        return np.argsort(key, kind="stable")
    return np.lexsort((times, users))


def make_sequences(events: Interactions, options: SequenceOptions) -> tuple[Sequences, SequenceReport]:
    """Filter, order and split events; raises EmptySequencesError if nothing is left."""
    steps: list[Step] = []
    n_in = events.n_events
    if n_in == 0:
        raise EmptySequencesError(no_events_message(events.source, events.skipped))
    kept = keep_ratings(events, options.min_rating)
    rating_range = None if events.ratings is None else (float(events.ratings.min()), float(events.ratings.max()))
    steps.append(rating_step(n_in, kept.n_events, options.min_rating, rating_range))
    kept = sort_events(kept)
    first = _sequence_starts(kept, options.session_gap)
    if options.session_gap is not None:
        steps.append(session_step(options.session_gap, kept.n_events,
                                  int(first.sum()) - len(np.unique(kept.users))))
    if options.dedupe_consecutive:
        repeat = np.zeros(kept.n_events, dtype=bool)
        repeat[1:] = (kept.items[1:] == kept.items[:-1]) & ~first[1:]
        kept, first = kept.select(~repeat), first[~repeat]
        steps.append(dedupe_step(int(repeat.sum()), kept.n_events))
    check_left(steps, events.source)
    seq_id = np.cumsum(first) - 1
    lengths = np.bincount(seq_id)
    long_enough = lengths[seq_id] >= options.min_length
    n_short = int((lengths < options.min_length).sum())
    kept, first = kept.select(long_enough), first[long_enough]
    steps.append(length_step(options.min_length, int((~long_enough).sum()), kept.n_events, n_short))
    check_left(steps, events.source)
    sequences = Sequences(kept, np.append(np.flatnonzero(first), kept.n_events).astype(np.int64))
    return sequences, _report(events, sequences, steps, options)


def build_sequences(events: Interactions, options: SequenceOptions | None = None
                    ) -> tuple[Corpus, SequenceReport]:
    sequences, report = make_sequences(events, options or SequenceOptions())
    return sequences.to_corpus(events.source), report


def _sequence_starts(events: Interactions, session_gap: float | None) -> np.ndarray:
    first = np.ones(events.n_events, dtype=bool)
    first[1:] = events.users[1:] != events.users[:-1]
    if session_gap is not None and events.times is not None:
        first[1:] |= np.diff(events.times) > session_gap
    return first


# -- the steps and the report, shared with the Spark engine (core/spark/sequences.py) ------

def no_events_message(source: str, skipped: SkippedRows) -> str:
    return Phrase(QT_TR_NOOP("{source}: the file has no readable events ({skipped})"), source=source,
                  skipped=skipped.summary())


def rating_step(n_in: int, n_kept: int, min_rating: float | None,
                rating_range: tuple[float, float] | None) -> Step:
    """``rating_range``: (lowest, highest) rating read, None without a rating column."""
    if rating_range is None:
        return Step(Phrase(QT_TR_NOOP("rating threshold")), 0, n_kept,
                    Phrase(QT_TR_NOOP("no rating column: every event kept")))
    if min_rating is None:
        return Step(Phrase(QT_TR_NOOP("rating threshold")), 0, n_kept, Phrase(QT_TR_NOOP("keep all")))
    note = Phrase(QT_TR_NOOP("ratings range {low:g} to {high:g}"), low=rating_range[0], high=rating_range[1])
    return Step(Phrase(QT_TR_NOOP("keep ratings >= {threshold:g}"), threshold=min_rating), n_in - n_kept, n_kept, note)


def session_step(session_gap: float, n_events: int, n_extra: int) -> Step:
    return Step(Phrase(QT_TR_NOOP("split sessions at gaps > {gap}"), gap=_duration(session_gap)), 0, n_events,
                plural(n_extra, QT_TR_NOOP("extra sequence"), QT_TR_NOOP("extra sequences")))


def dedupe_step(n_dropped: int, n_left: int) -> Step:
    return Step(Phrase(QT_TR_NOOP("drop consecutive duplicates")), n_dropped, n_left)


def length_step(min_length: int, n_dropped: int, n_left: int, n_short: int) -> Step:
    return Step(Phrase(QT_TR_NOOP("drop sequences shorter than {n}"), n=min_length), n_dropped, n_left,
                plural(n_short, QT_TR_NOOP("short sequence"), QT_TR_NOOP("short sequences")))


def check_left(steps: list[Step], source: str) -> None:
    last = steps[-1]
    if last.remaining == 0:
        note = f" ({last.note})" if last.note else ""
        raise EmptySequencesError(f"{source}: no sequences left: step '{last.name}' removed all "
                                  f"{last.dropped:,} remaining events{note}")


def _report(events: Interactions, sequences: Sequences, steps: list[Step],
            options: SequenceOptions) -> SequenceReport:
    item_counts = np.bincount(sequences.events.items, minlength=events.n_items)
    in_file = np.bincount(events.items, minlength=events.n_items) > 0
    lengths, n_of_length = np.unique(np.diff(sequences.offsets), return_counts=True)
    return assemble_report(
        events.source, events_in=events.n_events, users_in=int((np.bincount(events.users) > 0).sum()),
        steps=steps, users_kept=len(np.unique(sequences.users)), lengths=lengths, n_of_length=n_of_length,
        item_ids=[events.item_ids[i] for i in np.flatnonzero(in_file)], item_counts=item_counts[in_file],
        min_count=options.min_count, skipped=events.skipped)


def assemble_report(source: str, *, events_in: int, users_in: int, steps: list[Step], users_kept: int,
                    lengths: np.ndarray, n_of_length: np.ndarray, item_ids: list[str],
                    item_counts: np.ndarray, min_count: int, skipped: SkippedRows) -> SequenceReport:
    """The report from aggregates: the distinct sequence ``lengths`` (ascending) with how many
    sequences have each, and every item of the file (first appearance first) with its count in
    the kept sequences (0: it lost every event). Either engine computes these its own way."""
    lengths = np.asarray(lengths, dtype=np.int64)
    n_of_length = np.asarray(n_of_length, dtype=np.int64)
    item_counts = np.asarray(item_counts, dtype=np.int64)
    below = np.flatnonzero((item_counts > 0) & (item_counts < min_count))
    below = below[np.argsort(-item_counts[below], kind="stable")]
    n_sequences = int(n_of_length.sum())
    return SequenceReport(
        source=source, users_in=users_in, items_in=len(item_ids), events_in=events_in, steps=steps,
        sequences=n_sequences, users_kept=users_kept, items_kept=int((item_counts > 0).sum()),
        events_kept=int((lengths * n_of_length).sum()),
        length_stats={"min": float(lengths[0]), "median": _percentile(lengths, n_of_length, 50),
                      "mean": float((lengths * n_of_length).sum() / n_sequences),
                      "p90": _percentile(lengths, n_of_length, 90), "max": float(lengths[-1])},
        length_histogram=_histogram(lengths, n_of_length), min_count=min_count,
        items_without_events=int((item_counts == 0).sum()), items_below_min_count=len(below),
        below_min_count_examples=[(item_ids[i], int(item_counts[i])) for i in below[:EXAMPLES]],
        skipped_rows=skipped)


def _percentile(values: np.ndarray, counts: np.ndarray, q: float) -> float:
    """np.percentile's linear interpolation over ``values`` repeated ``counts`` times."""
    ends = np.cumsum(counts)
    rank = q / 100 * (ends[-1] - 1)
    lo, hi = int(np.floor(rank)), int(np.ceil(rank))
    at = (lambda k: float(values[np.searchsorted(ends, k, side="right")]))
    return at(lo) + (at(hi) - at(lo)) * (rank - lo)


def _histogram(lengths: np.ndarray, n_of_length: np.ndarray) -> list[tuple[int, int, int]]:
    """Sequence counts in power-of-two length bins: 1, 2-3, 4-7, 8-15, ..."""
    bins = np.floor(np.log2(lengths)).astype(int)
    counts = np.bincount(bins, weights=n_of_length)
    return [(2 ** b, 2 ** (b + 1) - 1, int(n)) for b, n in enumerate(counts) if n]


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} s"
