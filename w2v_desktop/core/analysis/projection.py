"""2-D maps of a chosen subset of vectors: PCA, t-SNE and UMAP, with a trust score.

Rows are scaled to unit length first, so every map reflects cosine similarity
(the metric the neighbour panels use). The trust score of a point is the
share of its 10 nearest neighbours by cosine in the full space that are also
among its 10 nearest in the map: 1 means its neighbourhood survived, 0 that
the map placed it among strangers.

``project`` takes an optional ``cancel`` (see :mod:`w2v_desktop.core.cancel`).
It is checked between stages (input, map, trust) and, for openTSNE, every
``_TSNE_CHECK_ITERS`` optimisation steps through its callback hook. What one
stage does inside a library call cannot be stopped: openTSNE's affinity
search and initialisation, a whole UMAP fit, a PCA, scikit-learn's t-SNE
(the fallback without openTSNE) and the trust neighbour search.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from w2v_desktop.core.cancel import check_cancel
from w2v_desktop.core.vectors import nearest_rows, top_k_block

PROJECTION_METHODS = ("pca", "tsne", "umap")
TRUST_NEIGHBOURS = 10
# PCA switches from exact SVD to randomised SVD above this many matrix cells.
_EXACT_PCA_CELLS = 2_000_000
# openTSNE optimisation steps between cancel checks (each check also computes the KL error).
_TSNE_CHECK_ITERS = 10
# Above this many points trust is measured on a random sample of TRUST_SAMPLE of them (NaN for the
# rest): the exact neighbour search of every point among all is quadratic (400k rows: hours).
TRUST_SAMPLE = 2_000


class ProjectionError(ValueError):
    """The projection cannot run (too few points, missing optional package)."""


@dataclass(frozen=True)
class Projection:
    rows: np.ndarray        # rows of the vectors, in map order
    names: list
    coords: np.ndarray      # (n, 2) float32
    trust: np.ndarray       # (n,) in [0, 1]
    method: str


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


def _pca(data: np.ndarray, seed: int) -> np.ndarray:
    from sklearn.decomposition import PCA
    solver = "full" if data.size <= _EXACT_PCA_CELLS else "randomized"
    return PCA(n_components=2, svd_solver=solver, random_state=seed).fit_transform(data)


def _tsne(data: np.ndarray, seed: int, perplexity: float, cancel=None) -> np.ndarray:
    perplexity = min(perplexity, (len(data) - 1) / 3.0)
    try:
        from openTSNE import TSNE
    except ImportError:
        from sklearn.manifold import TSNE as SkTSNE
        return SkTSNE(n_components=2, perplexity=perplexity, metric="cosine", init="pca",
                      random_state=seed).fit_transform(data)

    def stop_if_cancelled(_iteration, _error, _embedding) -> bool:
        check_cancel(cancel)   # raising (not returning True) ends fit() at once, without a result
        return False

    embedding = TSNE(n_components=2, perplexity=perplexity, metric="cosine", random_state=seed,
                     n_jobs=1, verbose=False, callbacks=stop_if_cancelled if cancel is not None else None,
                     callbacks_every_iters=_TSNE_CHECK_ITERS).fit(data)
    return np.asarray(embedding)


def _umap(data: np.ndarray, seed: int) -> np.ndarray:
    try:
        import umap
    except ImportError:
        raise ProjectionError("UMAP needs the optional package umap-learn "
                              "(pip install 'w2v-desktop[umap]' or pip install umap-learn)") from None
    reducer = umap.UMAP(n_components=2, n_neighbors=min(15, len(data) - 1), metric="cosine",
                        random_state=seed, init="spectral" if len(data) > 10 else "random")
    return reducer.fit_transform(data)


def trust_scores(data: np.ndarray, coords: np.ndarray, k: int = TRUST_NEIGHBOURS) -> np.ndarray:
    """Per point: share of its k cosine neighbours in ``data`` kept among its k nearest in ``coords``."""
    from sklearn.neighbors import NearestNeighbors
    n = len(data)
    k = min(k, n - 1)
    if k <= 0:
        return np.ones(n)
    high = NearestNeighbors(n_neighbors=k + 1, metric="cosine", algorithm="brute").fit(data)
    low = NearestNeighbors(n_neighbors=k + 1).fit(coords)
    high_idx = _drop_self(high.kneighbors(data, return_distance=False), k)
    low_idx = _drop_self(low.kneighbors(coords, return_distance=False), k)
    kept = (high_idx[:, :, None] == low_idx[:, None, :]).any(axis=2).sum(axis=1)
    return kept / k


def sampled_trust(data: np.ndarray, coords: np.ndarray, seed: int = 0, sample: int = TRUST_SAMPLE,
                  k: int = TRUST_NEIGHBOURS, search=None) -> np.ndarray:
    """:func:`trust_scores` of ``sample`` random points (their neighbours sought among all rows of
    ``data``, which are unit length); NaN for the other points. ``search(points)``, if given,
    returns each point's ``k`` nearest rows by cosine (the 8-bit scan: ~1 s for 2,000 of 400k)."""
    from sklearn.neighbors import NearestNeighbors
    picked = np.sort(np.random.default_rng(seed).choice(len(data), size=min(sample, len(data)), replace=False))
    rows = np.asarray(data, dtype=np.float32)
    high_idx = np.empty((len(picked), k), dtype=np.int64)
    for start in range(0, 0 if search is not None else len(picked), 64):   # 64 x n scores at a time
        block = picked[start:start + 64]
        scores = rows[block] @ rows.T
        scores[np.arange(len(block)), block] = -np.inf
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        high_idx[start:start + len(block)] = top
    if search is not None:
        high_idx = np.asarray(search(picked))
    low = NearestNeighbors(n_neighbors=k + 1).fit(coords)
    low_idx = np.array([[j for j in row if j != i][:k]
                        for i, row in zip(picked, low.kneighbors(coords[picked], return_distance=False))])
    trust = np.full(len(data), np.nan)
    trust[picked] = (high_idx[:, :, None] == low_idx[:, None, :]).any(axis=2).sum(axis=1) / k
    return trust


def _drop_self(idx: np.ndarray, k: int) -> np.ndarray:
    """Remove each point from its own (k+1)-list; it need not come first on ties."""
    keep = idx != np.arange(len(idx))[:, None]
    keep[keep.all(axis=1), -1] = False   # self not listed: drop the farthest instead
    return idx[keep].reshape(len(idx), k)


def project(vectors, rows, method: str = "pca", seed: int = 0, perplexity: float = 30.0,
            cancel=None) -> Projection:
    """2-D coordinates of ``rows`` (see :func:`select_rows`) and per-point trust.

    Raises :class:`~w2v_desktop.core.cancel.Cancelled` when ``cancel`` says stop
    (see the module notes for what cannot be interrupted).
    """
    check_cancel(cancel)
    rows = np.asarray(rows, dtype=np.int64)
    if len(rows) < 3:
        raise ProjectionError(f"a map needs at least 3 points, got {len(rows)}")
    data = vectors.unit[rows].astype(np.float64)
    check_cancel(cancel)
    if method == "pca":
        coords = _pca(data, seed)
    elif method == "tsne":
        if len(rows) < 5:
            raise ProjectionError("t-SNE needs at least 5 points")
        coords = _tsne(data, seed, perplexity, cancel)
    elif method == "umap":
        if len(rows) < 5:
            raise ProjectionError("UMAP needs at least 5 points")
        coords = _umap(data, seed)
    else:
        raise ProjectionError(f"unknown projection {method!r}; choose one of {', '.join(PROJECTION_METHODS)}")
    check_cancel(cancel)
    coords = np.asarray(coords, dtype=np.float32)
    if len(rows) <= 10 * TRUST_SAMPLE:
        trust = trust_scores(data, coords)
    else:   # the N most frequent rows: search them with the vectors' fast exact scan
        top_n = np.array_equal(rows, np.arange(len(rows)))
        search = (lambda points: top_k_block(vectors, points, TRUST_NEIGHBOURS, restrict=len(rows), cancel=cancel)
                  ) if top_n else None
        trust = sampled_trust(data, coords, seed, search=search)
    check_cancel(cancel)
    return Projection(rows, [vectors.names[r] for r in rows], coords, trust, method)
