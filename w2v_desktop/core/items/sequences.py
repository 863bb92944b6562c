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
        out = [f"{self.source}: {self.events_in:,} events, {self.users_in:,} users, "
               f"{self.items_in:,} items; {self.skipped_rows.summary()}"]
        for step in self.steps:
            note = f" ({step.note})" if step.note else ""
            out.append(f"  {step.name}: dropped {step.dropped:,}, {step.remaining:,} left{note}")
        s = self.length_stats
        out.append(f"{self.sequences:,} sequences from {self.users_kept:,} users, "
                   f"{self.events_kept:,} events over {self.items_kept:,} items")
        out.append(f"  length: min {s['min']:.0f}, median {s['median']:.0f}, mean {s['mean']:.1f}, "
                   f"p90 {s['p90']:.0f}, max {s['max']:.0f}")
        out.append("  histogram: " + ", ".join(
            f"{lo}-{hi}: {n:,}" if lo != hi else f"{lo}: {n:,}" for lo, hi, n in self.length_histogram))
        out.append(f"items with no vector: {self.items_without_vector:,} of {self.items_in:,} "
                   f"({self.items_without_events:,} lost every event, {self.items_below_min_count:,} "
                   f"seen fewer than min_count={self.min_count} times)")
        if self.below_min_count_examples:
            titles = titles or {}
            examples = ", ".join(f"{item}{' ' + repr(titles[item]) if titles.get(item) else ''} x{n}"
                                 for item, n in self.below_min_count_examples)
            out.append(f"  e.g. {examples}")
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
        raise EmptySequencesError(f"{events.source}: the file has no readable events "
                                  f"({events.skipped.summary()})")
    kept = keep_ratings(events, options.min_rating)
    steps.append(_rating_step(events, kept, options.min_rating))
    kept = sort_events(kept)
    first = _sequence_starts(kept, options.session_gap)
    if options.session_gap is not None:
        n_split = int(first.sum()) - len(np.unique(kept.users))
        steps.append(Step(f"split sessions at gaps > {_duration(options.session_gap)}", 0,
                          kept.n_events, f"{n_split:,} extra sequences"))
    if options.dedupe_consecutive:
        repeat = np.zeros(kept.n_events, dtype=bool)
        repeat[1:] = (kept.items[1:] == kept.items[:-1]) & ~first[1:]
        kept, first = kept.select(~repeat), first[~repeat]
        steps.append(Step("drop consecutive duplicates", int(repeat.sum()), kept.n_events))
    _check_left(steps, events.source)
    seq_id = np.cumsum(first) - 1
    lengths = np.bincount(seq_id)
    long_enough = lengths[seq_id] >= options.min_length
    n_short = int((lengths < options.min_length).sum())
    kept, first = kept.select(long_enough), first[long_enough]
    steps.append(Step(f"drop sequences shorter than {options.min_length}", int((~long_enough).sum()),
                      kept.n_events, f"{n_short:,} sequences"))
    _check_left(steps, events.source)
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


def _rating_step(events: Interactions, kept: Interactions, min_rating: float | None) -> Step:
    if events.ratings is None:
        return Step("rating threshold", 0, kept.n_events, "no rating column: every event kept")
    if min_rating is None:
        return Step("rating threshold", 0, kept.n_events, "keep all")
    note = f"ratings range {events.ratings.min():g} to {events.ratings.max():g}"
    return Step(f"keep ratings >= {min_rating:g}", events.n_events - kept.n_events, kept.n_events, note)


def _check_left(steps: list[Step], source: str) -> None:
    last = steps[-1]
    if last.remaining == 0:
        note = f" ({last.note})" if last.note else ""
        raise EmptySequencesError(f"{source}: no sequences left: step '{last.name}' removed all "
                                  f"{last.dropped:,} remaining events{note}")


def _report(events: Interactions, sequences: Sequences, steps: list[Step],
            options: SequenceOptions) -> SequenceReport:
    kept = sequences.events
    lengths = np.diff(sequences.offsets)
    item_counts = np.bincount(kept.items, minlength=events.n_items)
    in_file = np.bincount(events.items, minlength=events.n_items) > 0
    below = np.flatnonzero((item_counts > 0) & (item_counts < options.min_count))
    below = below[np.argsort(-item_counts[below], kind="stable")]
    return SequenceReport(
        source=events.source, users_in=int((np.bincount(events.users) > 0).sum()),
        items_in=int(in_file.sum()), events_in=events.n_events, steps=steps,
        sequences=sequences.n_sequences, users_kept=len(np.unique(sequences.users)),
        items_kept=int((item_counts > 0).sum()), events_kept=kept.n_events,
        length_stats={"min": float(lengths.min()), "median": float(np.median(lengths)),
                      "mean": float(lengths.mean()), "p90": float(np.percentile(lengths, 90)),
                      "max": float(lengths.max())},
        length_histogram=_histogram(lengths), min_count=options.min_count,
        items_without_events=int((in_file & (item_counts == 0)).sum()),
        items_below_min_count=len(below),
        below_min_count_examples=[(events.item_ids[i], int(item_counts[i])) for i in below[:EXAMPLES]],
        skipped_rows=events.skipped)


def _histogram(lengths: np.ndarray) -> list[tuple[int, int, int]]:
    """Sequence counts in power-of-two length bins: 1, 2-3, 4-7, 8-15, ..."""
    bins = np.floor(np.log2(lengths)).astype(int)
    counts = np.bincount(bins)
    return [(2 ** b, 2 ** (b + 1) - 1, int(n)) for b, n in enumerate(counts) if n]


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} s"
