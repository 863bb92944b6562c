"""Nearest neighbours under a chosen metric, and comparisons between metrics.

Exact search is one matrix product of the query against all (pre-normalised,
for cosine) rows, then ``argpartition`` for the top k: no Python loop over
rows. Single cosine queries on large vocabularies scan 8-bit copies of the
unit rows instead, once that copy is built (``prepare.prepare_search``) and re-score the few rows that could be in the top k
(:mod:`w2v_desktop.core.vectors.quantized`); the answer is still exact. Queries in
bulk (hubness, metric agreement on a sample, recall checks) go through
:func:`top_k_block`: one such scan per query on large vocabularies, else a
blocked matrix product.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from scipy import stats

from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.vectors.metrics import IS_DISTANCE, LABELS, METRICS, block_scores, check_metric, nearness

__all__ = ["METRICS", "IS_DISTANCE", "LABELS", "Neighbour", "nearest", "nearest_rows", "top_k_block",
           "scores_for", "compare_metrics", "compare_metrics_sample", "hubness", "norm_frequency",
           "MetricComparison", "MetricAgreement", "Hubness", "NormFrequency"]

# Single cosine queries over at least this many rows use the 8-bit scan; below
# it one BLAS product is as fast and needs no extra copy of the rows.
QUANTIZED_MIN_ROWS = 20_000
# Bulk queries build the 8-bit copy from this many queries on (building it for
# GloVe 400k takes 0.4 s, about 150 blocked-product queries); fewer use it only
# when it exists.
QUANTIZED_MIN_BULK = 256
# ... and leave out at most this many rows (a long exclusion list keeps the
# scan's threshold low: one product is faster then).
QUANTIZED_MAX_BANNED = 1_000
# Upper bound on a (queries x rows) score block, in cells (4 or 8 bytes each). Each
# block is also a cancel point: 4M cells take about 0.3 s on one core.
_BLOCK_CELLS = 4_000_000
# Manhattan costs a pass over every dimension per cell: its blocks shrink above this width.
_MANHATTAN_DIM = 100


@dataclass(frozen=True)
class Neighbour:
    """One answer: the name, its score under the metric used (a distance for
    Euclidean/Manhattan, else a similarity) and its row in the matrix."""
    name: str
    score: float
    row: int


def searched_rows(vectors, restrict: int | None) -> int:
    n = len(vectors)
    return n if restrict is None or restrict <= 0 else min(int(restrict), n)


def resolve_query(vectors, query) -> tuple[np.ndarray, int | None]:
    """(vector, row) for a name, or (vector, None) for a vector given directly."""
    if isinstance(query, str):
        row = vectors.row(query)
        return vectors.matrix[row], row
    with np.errstate(over="ignore"):  # too large for float32: refused just below
        vec = np.asarray(query, dtype=np.float32).ravel()
    if vec.shape != (vectors.dim,):
        raise ValueError(f"query vector has {vec.size} components, vectors have {vectors.dim}")
    if not np.isfinite(vec).all():
        raise ValueError("query vector holds NaN or infinity (or values too large for float32)")
    return vec, None


def scores_for(vectors, queries: np.ndarray, metric: str = "cosine", restrict: int | None = None) -> np.ndarray:
    """Raw scores (queries x first ``restrict`` rows); float32 for cosine (cached unit
    rows), float64 for the others."""
    n = searched_rows(vectors, restrict)
    queries = np.atleast_2d(np.asarray(queries, dtype=np.float32))
    # Large vectors whose unit rows are not built yet (they are built in the background) answer
    # from the raw rows: building the unit rows first would make this query wait 0.5 s for 400k.
    if check_metric(metric) == "cosine" and (vectors.has_unit_rows or n < QUANTIZED_MIN_ROWS):
        # The fast path: one float32 product with the cached unit rows.
        norms = np.linalg.norm(queries.astype(np.float64), axis=1, keepdims=True)  # float32 overflows
        q_unit = (queries / np.maximum(norms, 1e-12)).astype(np.float32)
        if len(q_unit) == 1:   # matrix-vector product: faster than a 1-row matrix product
            return (vectors.unit[:n] @ q_unit[0])[None, :]
        return q_unit @ vectors.unit[:n].T
    return block_scores(vectors.matrix[:n], queries, metric)


def top_k_indices(nearness_scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest values, largest first (argpartition, then sort k)."""
    k = min(k, len(nearness_scores))
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    if k < len(nearness_scores):
        part = np.argpartition(nearness_scores, len(nearness_scores) - k)[-k:]
    else:
        part = np.arange(len(nearness_scores))
    return part[np.argsort(-nearness_scores[part], kind="stable")]


def nearest_rows(vectors, query, k: int = 10, metric: str = "cosine", restrict: int | None = None,
                 exclude: Iterable = ()) -> tuple[np.ndarray, np.ndarray]:
    """Rows and raw scores of the k nearest rows to ``query`` (a name or a vector)."""
    vec, own_row = resolve_query(vectors, query)
    banned = [own_row] if own_row is not None else []
    banned += [vectors.row(x) if isinstance(x, str) else int(x) for x in exclude]
    n = searched_rows(vectors, restrict)
    banned = [r for r in banned if 0 <= r < n]
    # Only once the 8-bit copy exists (built in the background, or by bulk queries): building
    # it takes longer than the one product it saves, and a single query must not wait for it.
    if (check_metric(metric) == "cosine" and n >= QUANTIZED_MIN_ROWS and len(banned) <= QUANTIZED_MAX_BANNED
            and vectors.has_int8_rows):
        from w2v_desktop.core.vectors import quantized  # Numba: imported on first use

        # exact, through an 8-bit scan with error bounds (it normalises the query)
        return quantized.top_k_cosine(vectors.int8_rows, vectors.unit, vec, n, k, np.array(banned))
    raw = scores_for(vectors, vec, metric, restrict)[0]
    near = nearness(raw, metric)
    near[banned] = -np.inf
    rows = top_k_indices(near, k)
    rows = rows[np.isfinite(near[rows])]
    return rows, raw[rows]


def nearest(vectors, query, k: int = 10, metric: str = "cosine", restrict: int | None = None,
            exclude: Iterable = (), index=None, exact: bool = False) -> list[Neighbour]:
    """Top-k neighbours of a name or a vector; the query name itself is excluded.

    ``restrict`` searches only the first N rows (the N most frequent when rows
    are sorted by count). ``exclude`` holds further names or rows to leave out.
    An approximate index (``index``, else one attached with
    ``vectors.set_ann_index``) answers when it fits the request (same metric,
    no restriction), unless ``exact`` is set.
    """
    exclude = list(exclude)
    if index is None and not exact:
        index = getattr(vectors, "ann_index", None)
    if not exact and index is not None and index.metric == metric and restrict is None:
        return index.query(query, k=k, exclude=exclude)
    rows, raw = nearest_rows(vectors, query, k, metric, restrict, exclude)
    return [Neighbour(vectors.names[r], s, r) for r, s in zip(rows.tolist(), raw.tolist())]


def top_k_block(vectors, query_rows: np.ndarray, k: int = 10, metric: str = "cosine",
                restrict: int | None = None, exclude_self: bool = True, cancel=None) -> np.ndarray:
    """(len(query_rows), k) array of neighbour rows for many row queries, nearest first.

    Cosine over a large vocabulary scans once per query (exact; see
    :mod:`w2v_desktop.core.vectors.quantized`). Otherwise queries are processed in
    blocks so the score matrix stays bounded in memory. ``cancel`` (see
    :mod:`w2v_desktop.core.cancel`) is checked before each block of queries.
    """
    query_rows = np.asarray(query_rows, dtype=np.int64)
    if len(query_rows) and not (0 <= query_rows.min() and query_rows.max() < len(vectors)):
        raise IndexError(f"query rows must lie in 0..{len(vectors) - 1}")
    n = searched_rows(vectors, restrict)
    k = min(k, n - 1 if exclude_self else n)
    if (check_metric(metric) == "cosine" and n >= QUANTIZED_MIN_ROWS
            and (vectors.has_int8_rows or len(query_rows) >= QUANTIZED_MIN_BULK)):
        from w2v_desktop.core.vectors import quantized  # Numba: imported on first use

        # one exact 8-bit scan per query, a core each (GloVe 400k x 50: 0.43-0.48 ms
        # per query, against 2.58 ms with blocked products and argpartition)
        return quantized.top_k_of_rows(vectors.int8_rows, vectors.unit, query_rows, n, k, exclude_self, cancel)
    out = np.empty((len(query_rows), k), dtype=np.int64)
    cells = _BLOCK_CELLS
    if metric == "manhattan":
        cells = cells * _MANHATTAN_DIM // max(vectors.dim, _MANHATTAN_DIM)
    step = max(1, cells // n)
    for start in range(0, len(query_rows), step):
        check_cancel(cancel)
        rows = query_rows[start:start + step]
        near = nearness(scores_for(vectors, vectors.matrix[rows], metric, restrict), metric)
        if exclude_self:
            inside = rows < n
            near[np.flatnonzero(inside), rows[inside]] = -np.inf
        if k < n:
            part = np.argpartition(near, n - k, axis=1)[:, n - k:]
        else:
            part = np.tile(np.arange(n), (len(rows), 1))
        order = np.argsort(-np.take_along_axis(near, part, axis=1), axis=1, kind="stable")
        out[start:start + step] = np.take_along_axis(part, order, axis=1)
    return out


@dataclass(frozen=True)
class MetricComparison:
    """Top-k of one query under each metric, side by side.

    ``overlap[i, j]`` = |top_i ∩ top_j| / k. ``kendall[i, j]`` = Kendall's τ-b
    between metric i's and metric j's scores (distances negated, so larger is
    nearer for both) over the union of the two top-k lists: 1 when both
    metrics order these candidates identically, −1 when reversed.
    """
    query: str
    metrics: tuple[str, ...]
    tops: dict
    overlap: np.ndarray
    kendall: np.ndarray


def _agreement(near: dict, tops: dict, metrics: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    m = len(metrics)
    overlap, kendall = np.eye(m), np.eye(m)
    for i in range(m):
        for j in range(i + 1, m):
            a, b = tops[metrics[i]], tops[metrics[j]]
            overlap[i, j] = overlap[j, i] = len(set(a) & set(b)) / max(k, 1)
            union = np.array(sorted(set(a) | set(b)), dtype=np.int64)
            tau = stats.kendalltau(near[metrics[i]][union], near[metrics[j]][union]).statistic
            kendall[i, j] = kendall[j, i] = tau if np.isfinite(tau) else np.nan
    return overlap, kendall


def _compare_one(vectors, query, k, metrics, restrict):
    vec, own_row = resolve_query(vectors, query)
    near, tops, raws = {}, {}, {}
    for metric in metrics:
        raw = scores_for(vectors, vec, metric, restrict)[0]
        nr = nearness(raw, metric)
        if own_row is not None and own_row < len(nr):
            nr[own_row] = -np.inf
        near[metric], raws[metric] = nr, raw
        tops[metric] = [int(r) for r in top_k_indices(nr, k)]
    overlap, kendall = _agreement(near, tops, metrics, k)
    return tops, raws, overlap, kendall


def compare_metrics(vectors, query, k: int = 10, metrics: Sequence[str] = METRICS,
                    restrict: int | None = None) -> MetricComparison:
    """Top-k of ``query`` under each metric, their pairwise overlap@k and Kendall's τ."""
    metrics = tuple(check_metric(m) for m in metrics)
    tops, raws, overlap, kendall = _compare_one(vectors, query, k, metrics, restrict)
    lists = {m: [Neighbour(vectors.names[r], float(raws[m][r]), r) for r in tops[m]] for m in metrics}
    label = query if isinstance(query, str) else "(vector)"
    return MetricComparison(label, metrics, lists, overlap, kendall)


@dataclass(frozen=True)
class MetricAgreement:
    """Mean overlap@k and mean Kendall's τ (as in :class:`MetricComparison`)
    over a sample of query rows."""
    metrics: tuple[str, ...]
    overlap: np.ndarray
    kendall: np.ndarray
    query_rows: np.ndarray


def sample_rows(n: int, size: int | None, seed: int = 0) -> np.ndarray:
    """``size`` distinct rows out of ``n`` (all rows when size is None or >= n), sorted."""
    if size is None or size >= n:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).choice(n, size=size, replace=False))


def compare_metrics_sample(vectors, n_queries: int = 100, k: int = 10, metrics: Sequence[str] = METRICS,
                           restrict: int | None = None, seed: int = 0,
                           query_rows: np.ndarray | None = None) -> MetricAgreement:
    """Average metric agreement over random queries among the first ``restrict`` rows."""
    metrics = tuple(check_metric(m) for m in metrics)
    if query_rows is None:
        query_rows = sample_rows(searched_rows(vectors, restrict), n_queries, seed)
    overlaps, kendalls = [], []
    for row in query_rows:
        _, _, overlap, kendall = _compare_one(vectors, vectors.names[row], k, metrics, restrict)
        overlaps.append(overlap)
        kendalls.append(kendall)
    return MetricAgreement(metrics, np.mean(overlaps, axis=0), np.nanmean(kendalls, axis=0),
                           np.asarray(query_rows))


@dataclass(frozen=True)
class Hubness:
    """``counts[r]``: how many of the query rows have row r in their top k (k-occurrence).

    ``skew`` is the sample skewness of ``counts``; large positive values mean a
    few "hub" rows are everyone's neighbour. With a sample, ``rows`` holds the
    sampled rows and ``counts[i]`` belongs to ``rows[i]`` (see :func:`hubness`).
    """
    counts: np.ndarray
    skew: float
    k: int
    n_queries: int
    metric: str
    rows: np.ndarray | None = None  # None: every row, counts[r] is row r's

    def hubs(self, names: Sequence[str], top: int = 10) -> list[tuple[str, int]]:
        order = np.argsort(-self.counts, kind="stable")[:top]
        rows = order if self.rows is None else self.rows[order]
        return [(names[int(r)], int(self.counts[i])) for r, i in zip(rows, order)]

    def histogram(self) -> tuple[np.ndarray, np.ndarray]:
        """(k-occurrence values that occur, how many rows have each): the hubness plot."""
        per_value = np.bincount(np.asarray(self.counts, dtype=np.int64))
        values = np.flatnonzero(per_value)
        return values, per_value[values]


DEFAULT_HUBNESS_SAMPLE = 20_000


def hubness(vectors, k: int = 10, sample: int | None = None, metric: str = "cosine",
            restrict: int | None = None, seed: int = 0, cancel=None) -> Hubness:
    """k-occurrence counts and their skewness.

    ``sample=None`` uses every row up to ``DEFAULT_HUBNESS_SAMPLE`` rows, and a
    random sample of that size beyond. With a sample, the sampled rows are both
    the queries and the only candidate neighbours: the k-occurrence of a random
    subset, whose skewness estimates the whole set's. (Counting a sample's
    queries over all rows would leave most counts at 0: with 2,000 queries over
    400,000 rows, chance alone gives a skewness near 4.5.) ``cancel`` is checked
    between blocks of queries; when it says stop, :class:`~w2v_desktop.core.cancel.Cancelled` is raised.
    """
    n = searched_rows(vectors, restrict)
    size = sample if sample is not None else (None if n <= DEFAULT_HUBNESS_SAMPLE else DEFAULT_HUBNESS_SAMPLE)
    rows = sample_rows(n, size, seed)
    sampled = len(rows) < n
    if sampled:
        from w2v_desktop.core.vectors.keyed import Vectors

        vectors = Vectors([vectors.names[r] for r in rows], vectors.matrix[rows])
        restrict = None
    tops = top_k_block(vectors, np.arange(len(rows)) if sampled else rows, k, metric, restrict, cancel=cancel)
    counts = np.bincount(tops.ravel(), minlength=len(rows) if sampled else n)
    skew = float(stats.skew(counts)) if counts.std() > 0 else 0.0
    return Hubness(counts, skew, tops.shape[1], len(rows), metric, rows if sampled else None)


@dataclass(frozen=True)
class NormFrequency:
    """Vector length against corpus frequency; ``spearman`` is their rank correlation."""
    norms: np.ndarray
    counts: np.ndarray
    spearman: float


def norm_frequency(vectors) -> NormFrequency:
    """Spearman correlation between vector norms and counts (needs counts)."""
    if vectors.counts is None:
        raise ValueError("these vectors carry no frequencies, so norm and frequency cannot be compared")
    norms = vectors.norms
    rho = stats.spearmanr(norms, vectors.counts).statistic
    return NormFrequency(norms, vectors.counts, float(rho))
