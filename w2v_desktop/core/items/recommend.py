"""Users in the item space, and recommendations from item vectors.

A user vector is built from the vectors of the items in the user's history:
``mean`` (the usual "average of liked items"), ``sum``, ``rating`` (weighted
by rating) or ``decay`` (recent items count more: weight halves every
``half_life`` seconds before the user's last event, or every ``half_life``
events when there are no timestamps).

Recommendations rank unseen items by **cosine** (direction only: what the
neighbour panels use) or by **dot product** (what matrix factorisation
optimises: the item's vector length adds to its score, and word2vec gives
frequent items longer vectors up to a point, so dot leans to popular items).
``compare_scorings`` shows the two lists side by side.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from w2v_desktop.core.vectors import similarity
from w2v_desktop.core.items.item_table import ItemTable
from w2v_desktop.core.items.ratings import Interactions
from w2v_desktop.core.vectors import Vectors

AGGREGATIONS = ("mean", "sum", "rating", "decay")
SCORINGS = ("cosine", "dot")
# How a user's list is ranked, and the (task, scoring) of the same ranking in the evaluation
# (core.analysis.recs): the last item's neighbours, or the user vector by cosine or dot product.
RANKINGS = {"next-item": ("next item", "cosine"), "user-cosine": ("user vector", "cosine"),
            "user-dot": ("user vector", "dot")}


@dataclass
class Histories:
    """Each user's events, in time order, as rows of a vector matrix (-1: no vector)."""

    user_ids: list[str]  # one per history
    offsets: np.ndarray  # int64, len n_users + 1
    rows: np.ndarray  # int64 vector row per event
    ratings: np.ndarray | None
    times: np.ndarray | None

    def __len__(self) -> int:
        return len(self.user_ids)

    def user_of_event(self) -> np.ndarray:
        return np.repeat(np.arange(len(self)), np.diff(self.offsets))

    def seen_rows(self, i: int) -> np.ndarray:
        rows = self.rows[self.offsets[i]:self.offsets[i + 1]]
        return np.unique(rows[rows >= 0])

    def index(self, user_id: str) -> int:
        try:
            return self.user_ids.index(user_id)
        except ValueError:
            raise KeyError(f"user {user_id!r} has no history") from None


@dataclass(frozen=True)
class Recommendation:
    name: str
    score: float
    row: int
    title: str = ""
    genres: str = ""


def histories(vectors: Vectors, events: Interactions) -> Histories:
    """Histories of the users in ``events``, which must be sorted by (user, time)
    (``sequences.sort_events``; ``make_sequences(...).events`` already is)."""
    users = events.users
    starts = np.flatnonzero(np.r_[True, users[1:] != users[:-1]]) if len(users) else np.zeros(0, np.int64)
    offsets = np.append(starts, len(users)).astype(np.int64)
    code_to_row = np.array([vectors.index.get(name, -1) for name in events.item_ids], dtype=np.int64)
    return Histories([events.user_ids[u] for u in users[starts]], offsets, code_to_row[events.items],
                     events.ratings, events.times)


def event_weights(hist: Histories, method: str = "mean", half_life: float | None = None) -> np.ndarray:
    """Weight of each event in its user's vector (0 for items without a vector)."""
    if method not in AGGREGATIONS:
        raise ValueError(f"unknown user vector method {method!r}; choose one of {', '.join(AGGREGATIONS)}")
    known = (hist.rows >= 0).astype(np.float64)
    owner = hist.user_of_event()
    if method == "rating":
        if hist.ratings is None:
            raise ValueError("rating-weighted user vectors need a rating column")
        weights = known * hist.ratings
    elif method == "decay":
        if not half_life or half_life <= 0:
            raise ValueError("time-decayed user vectors need a positive half_life")
        if hist.times is not None:
            last = hist.times[hist.offsets[1:] - 1]
            age = last[owner] - hist.times
        else:  # no timestamps: age in events
            age = (hist.offsets[1:] - 1)[owner] - np.arange(len(owner))
        weights = known * 0.5 ** (age / half_life)
    else:
        weights = known
    if method != "sum":
        totals = np.bincount(owner, weights=weights, minlength=len(hist))
        weights = weights / np.maximum(totals[owner], 1e-12)
    return weights


def user_vectors(vectors: Vectors, hist: Histories, method: str = "mean",
                 half_life: float | None = None) -> np.ndarray:
    """(n_users, dim) float32; a user none of whose items has a vector gets zeros."""
    weights = event_weights(hist, method, half_life)
    known = hist.rows >= 0
    mix = sp.csr_matrix((weights[known], (hist.user_of_event()[known], hist.rows[known])),
                        shape=(len(hist), len(vectors)))
    return np.asarray(mix @ vectors.matrix, dtype=np.float32)


def recommend(vectors: Vectors, user_vector: np.ndarray, seen_rows=(), k: int = 10,
              scoring: str = "cosine", items: ItemTable | None = None) -> list[Recommendation]:
    """Top-k items the user has not seen, by cosine or dot product."""
    if scoring not in SCORINGS:
        raise ValueError(f"scoring must be one of {SCORINGS} (got {scoring!r})")
    found = similarity.nearest(vectors, user_vector, k=k, metric=scoring, exclude=list(seen_rows))
    return [_with_metadata(n.name, n.score, n.row, items) for n in found]


def similar_items(vectors: Vectors, item: str, k: int = 10, items: ItemTable | None = None,
                  metric: str = "cosine", exclude=()) -> list[Recommendation]:
    """Items nearest to ``item`` (itself and the rows of ``exclude`` left out), with titles and
    genres when known."""
    found = similarity.nearest(vectors, item, k=k, metric=metric, exclude=list(exclude))
    return [_with_metadata(n.name, n.score, n.row, items) for n in found]


def event_counts(vectors: Vectors, events: Interactions | None = None) -> np.ndarray | None:
    """Training events of each row: the vectors' counts, else the events' count of each item
    (None when neither is known)."""
    if vectors.counts is not None:
        return np.asarray(vectors.counts)
    if events is None:
        return None
    per_code = np.bincount(events.items, minlength=events.n_items)
    index = {name: code for code, name in enumerate(events.item_ids)}
    return np.array([per_code[index[n]] if n in index else 0 for n in vectors.names], dtype=np.int64)


def rare_rows(vectors: Vectors, min_events: int, events: Interactions | None = None) -> np.ndarray:
    """Rows of items with fewer than ``min_events`` training events: not to be recommended
    (a few events give a vector close to chance, and a list of them looks random)."""
    counts = event_counts(vectors, events)
    if min_events <= 1 or counts is None:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(counts < min_events)


def rank_for_user(vectors: Vectors, ranking: str, hist: Histories, i: int, user_vector: np.ndarray,
                  k: int = 10, items: ItemTable | None = None, exclude=()) -> list[Recommendation]:
    """User ``i``'s top-k unseen items by a ranking of RANKINGS (``exclude``: rows never
    recommended, e.g. ``rare_rows``). "next-item" ranks by cosine to the user's last item
    that has a vector, as the evaluation's next-item task does."""
    if ranking not in RANKINGS:
        raise ValueError(f"unknown ranking {ranking!r}; choose one of {', '.join(RANKINGS)}")
    banned = np.union1d(hist.seen_rows(i), np.asarray(exclude, dtype=np.int64)).astype(np.int64)
    if ranking != "next-item":
        return recommend(vectors, user_vector, banned, k, RANKINGS[ranking][1], items)
    rows = hist.rows[hist.offsets[i]:hist.offsets[i + 1]]
    rows = rows[rows >= 0]
    if not len(rows):
        return []
    found = similarity.nearest(vectors, vectors.matrix[rows[-1]], k=k, metric="cosine", exclude=list(banned))
    return [_with_metadata(n.name, n.score, n.row, items) for n in found]


@dataclass
class ScoringComparison:
    cosine: list[Recommendation]
    dot: list[Recommendation]
    overlap: int  # items in both lists
    mean_norm: dict[str, float]  # mean vector length of the recommended items
    mean_count: dict[str, float]  # mean training count of the recommended items (popularity)
    catalogue_mean_norm: float
    catalogue_mean_count: float


def compare_scorings(vectors: Vectors, user_vector: np.ndarray, seen_rows=(), k: int = 10,
                     items: ItemTable | None = None) -> ScoringComparison:
    """Cosine vs dot product for one user: the lists and what sets them apart."""
    lists = {s: recommend(vectors, user_vector, seen_rows, k, s, items) for s in SCORINGS}
    norms = vectors.norms
    counts = vectors.counts if vectors.counts is not None else np.zeros(len(vectors))
    norm = {s: float(np.mean([norms[r.row] for r in recs])) if recs else 0.0 for s, recs in lists.items()}
    count = {s: float(np.mean([counts[r.row] for r in recs])) if recs else 0.0 for s, recs in lists.items()}
    overlap = len({r.name for r in lists["cosine"]} & {r.name for r in lists["dot"]})
    return ScoringComparison(lists["cosine"], lists["dot"], overlap, norm, count,
                             float(norms.mean()), float(counts.mean()))


def attach_item_columns(vectors: Vectors, items: ItemTable) -> Vectors:
    """Put titles/genres (aligned with names) into ``meta["columns"]`` for display and colouring."""
    columns = dict(vectors.meta.get("columns", {}))
    columns.update(items.columns_for(vectors.names))
    vectors.meta = {**vectors.meta, "columns": columns}
    return vectors


def _with_metadata(name: str, score: float, row: int, items: ItemTable | None) -> Recommendation:
    if items is None:
        return Recommendation(name, float(score), int(row))
    return Recommendation(name, float(score), int(row), items.title(name), items.get(name, "genres"))
