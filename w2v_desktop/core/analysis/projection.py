"""2-D (or 3-D) maps of a chosen subset of vectors: PCA, t-SNE, UMAP or axes you choose,
with a trust score.

Rows are scaled to unit length first unless ``normalize`` is off, so by default every
map reflects cosine similarity (the metric the neighbour panels use). The trust score
of a point is the share of its 10 nearest neighbours in the original space (the metric
the layout used) that are also among its 10 nearest on the map: 1 means its
neighbourhood survived, 0 that the map placed it among strangers. Large maps measure it
on a random sample (:data:`TRUST_SAMPLE` points, said in :attr:`Projection.trust_note`);
a map of 11 points or fewer has none (every point keeps every other one).

``project`` takes ``cancel`` (see :mod:`w2v_desktop.core.cancel`) and ``progress``
(``progress(stage, fraction, eta_s, partial_coords)``: stages "neighbours",
"affinities", "layout", "trust"; ``fraction`` of the whole map; t-SNE passes a copy of
its layout every few iterations as ``partial_coords``). Maps estimated to take more
than a few seconds run in a child process that Cancel terminates
(:mod:`w2v_desktop.core.analysis.projection_child`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from w2v_desktop.core.analysis import projection_child
from w2v_desktop.core.analysis.map_axes import axes_coordinates
from w2v_desktop.core.analysis.projection_methods import (TRUST_NEIGHBOURS, TRUST_SAMPLE, StageReport,
                                                          trust_scores)
from w2v_desktop.core.analysis.projection_params import (METHOD_LABELS, PROJECTION_METHODS, ProjectionError,
                                                         ProjectionParams, estimate_seconds)
from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.vectors import nearest_rows
from w2v_desktop.core.wording import QT_TR_NOOP, Phrase

__all__ = ["PROJECTION_METHODS", "TRUST_NEIGHBOURS", "TRUST_SAMPLE", "Projection", "ProjectionError",
           "ProjectionParams", "estimate_seconds", "project", "select_rows", "trust_scores"]


@dataclass(frozen=True)
class Projection:
    rows: np.ndarray        # rows of the vectors, in map order
    names: list
    coords: np.ndarray      # (n, n_components) float32
    trust: np.ndarray       # (n,) in [0, 1]; NaN where not measured (sampled, or undefined)
    method: str
    params: ProjectionParams = field(default_factory=ProjectionParams)

    @property
    def trust_measured(self) -> int:
        """How many points have a trust score (all, a sample, or none)."""
        return int(np.count_nonzero(~np.isnan(self.trust)))

    @property
    def mean_trust(self) -> float:
        """Mean trust over the measured points; NaN when the map is too small to have one."""
        return float(np.nanmean(self.trust)) if self.trust_measured else float("nan")

    @property
    def trust_note(self) -> str:
        """Where the trust score comes from, in words ("measured on 5,000 of 400,000 points")."""
        n, measured = len(self.trust), self.trust_measured
        if measured == 0:
            return Phrase(QT_TR_NOOP("trust undefined for a map of {n} points (each point's {k} nearest would be "
                                     "all the others; it needs at least {least})"),
                          n=n, k=TRUST_NEIGHBOURS, least=TRUST_NEIGHBOURS + 2)
        if measured < n:
            return Phrase(QT_TR_NOOP("trust measured on a random {measured:,} of {n:,} points"), measured=measured, n=n)
        return Phrase(QT_TR_NOOP("trust measured on all {n:,} points"), n=n)


def select_rows(vectors, top_n: int | None = None, around: str | None = None, k: int = 50,
                names=None) -> np.ndarray:
    """Rows to map: the ``top_n`` first (most frequent), a name with its ``k`` nearest
    (cosine), and/or a list of names; the union, in that order, without repeats."""
    parts = []
    if top_n is not None:
        parts.append(np.arange(min(int(top_n), len(vectors))))
    if around is not None:
        rows, _ = nearest_rows(vectors, around, k)
        parts.append(np.concatenate([[vectors.row(around)], rows]))
    if names is not None:
        parts.append(np.array([vectors.row(n) for n in names], dtype=np.int64))
    if not parts:
        raise ProjectionError("choose what to map: the N most frequent, a name's neighbourhood, or a list of names")
    rows = np.concatenate(parts).astype(np.int64)
    _, first = np.unique(rows, return_index=True)
    return rows[np.sort(first)]


def as_params(params=None, **legacy) -> ProjectionParams:
    """A ProjectionParams from one, from a method name, or from the old keywords
    (``method``, ``seed``, ``perplexity``), which override."""
    legacy = {key: value for key, value in legacy.items() if value is not None}
    if isinstance(params, str):
        legacy.setdefault("method", params)
        params = None
    return replace(params or ProjectionParams(), **legacy) if legacy else (params or ProjectionParams())


def prepared_rows(vectors, rows: np.ndarray, normalize: bool) -> np.ndarray:
    """The float32 rows a layout sees: unit-scaled or as stored (zero rows stay zero)."""
    return np.ascontiguousarray(vectors.unit[rows] if normalize else vectors.matrix[rows], dtype=np.float32)


def project(vectors, rows, params: ProjectionParams | str | None = None, cancel=None, progress=None, *,
            method: str | None = None, seed: int | None = None, perplexity: float | None = None,
            isolate: bool | None = None, trust_sample: int | None = TRUST_SAMPLE) -> Projection:
    """Coordinates of ``rows`` (see :func:`select_rows`) and per-point trust.

    ``params``: a :class:`ProjectionParams` (or a method name; ``method``/``seed``/``perplexity``
    keywords still work). ``isolate``: run in a child process (True), here (False), or
    decide from the estimated time (None). Raises :class:`~w2v_desktop.core.cancel.Cancelled`
    when ``cancel`` says stop.
    """
    params = as_params(params, method=method, seed=seed, perplexity=perplexity)
    check_cancel(cancel)
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) < 3:
        raise ProjectionError(f"a map needs at least 3 points, got {len(rows)}")
    if params.method == "axes":
        return _project_on_axes(vectors, rows, params, cancel, progress, trust_sample)
    data = prepared_rows(vectors, rows, params.normalize)
    estimate = estimate_seconds(params.method, len(rows), vectors.dim, params, trust_sample or len(rows))
    if isolate is None:   # the child pays the library's import again: compare the work alone
        work = estimate_seconds(params.method, len(rows), vectors.dim, params, trust_sample or len(rows), False)
        isolate = work >= projection_child.CHILD_MIN_SECONDS
    run = projection_child.run_in_child if isolate else projection_child.run_inline
    coords, trust = run(data, params, progress, cancel, estimate, trust_sample)
    check_cancel(cancel)
    return Projection(rows, [vectors.names[r] for r in rows], coords, trust, params.method, params)


def _project_on_axes(vectors, rows, params, cancel, progress, trust_sample) -> Projection:
    report = StageReport(progress, cancel, {"layout": 0.2, "trust": 0.8})
    report.stage("layout", 0.0)
    coords = axes_coordinates(vectors, rows, params.x_axis, params.y_axis)
    data = prepared_rows(vectors, rows, params.normalize)
    trust = trust_scores(data, coords, metric="euclidean", sample=trust_sample, seed=params.seed,
                         unit_rows=params.normalize, report=report)
    check_cancel(cancel)
    return Projection(rows, [vectors.names[r] for r in rows], coords, trust, "axes", params)


def method_label(method: str) -> str:
    return METHOD_LABELS.get(method, method)
