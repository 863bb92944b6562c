"""Approximate nearest neighbours that can be saved: an HNSW graph built by Voyager (the optional
``[ann]`` extra; Spotify's HNSW library, one small wheel, no dependencies but numpy).

PyNNDescent (:mod:`.ann`) answers fast but cannot save its index without pickle, so
each new process paid its build again (59 s for GloVe 400k x 50). Voyager writes its
graph and vectors as a file of plain bytes (``save``) and reads it back in native code
(``load``); :mod:`w2v_desktop.core.formats.ann_file` keeps that file beside the vectors
file with a header saying which file it belongs to.

The interface is :class:`~.ann.AnnIndex`'s (``metric``, ``n_rows``, ``query``,
``query_rows``), so ``similarity.nearest`` takes either. Metrics: cosine (Voyager's
own), Pearson (cosine on rows centred on their mean) and Euclidean; Manhattan has no
HNSW space here (use PyNNDescent).

Figures for the defaults (``benchmarks/bench_ann.py``, GloVe 400k x 50) are in the README.
"""
from __future__ import annotations

import time

import numpy as np

from w2v_desktop.core.vectors.metrics import check_metric
from w2v_desktop.core.vectors.row_index import RowIndex
from w2v_desktop.core.vectors.similarity import Neighbour

HNSW_METRICS = ("cosine", "pearson", "euclidean")
DEFAULT_M = 16            # graph degree (Voyager's default)
DEFAULT_EF_CONSTRUCTION = 100
DEFAULT_EF = 100          # candidates kept while searching (recall against speed)


class HnswMissing(ImportError):
    """Voyager is not installed (the ``[ann]`` extra)."""


def available() -> bool:
    try:
        import voyager  # noqa: F401
    except ImportError:
        return False
    return True


def _voyager():
    try:
        import voyager
    except ImportError:
        raise HnswMissing("approximate search with a saved index needs Voyager: "
                          "pip install 'w2v-desktop[ann]' (or: pip install voyager)") from None
    return voyager


def _space(metric: str):
    voyager = _voyager()
    return voyager.Space.Euclidean if metric == "euclidean" else voyager.Space.Cosine


def _rows_for(metric: str, matrix: np.ndarray) -> np.ndarray:
    """What the graph holds for ``metric``: the rows, or for Pearson the rows centred on their mean."""
    matrix = np.ascontiguousarray(np.atleast_2d(matrix), dtype=np.float32)
    if metric == "pearson":
        return np.ascontiguousarray(matrix - matrix.mean(axis=1, keepdims=True), dtype=np.float32)
    return matrix


class HnswIndex(RowIndex):
    """A Voyager HNSW index over all rows of one Vectors object (row i has id i)."""

    def __init__(self, vectors, metric: str, index, build_seconds: float = 0.0):
        super().__init__(vectors, metric, index, build_seconds)
        self.ef = DEFAULT_EF

    @classmethod
    def build(cls, vectors, metric: str = "cosine", seed: int = 0, m: int = DEFAULT_M,
              ef_construction: int = DEFAULT_EF_CONSTRUCTION, threads: int = -1) -> "HnswIndex":
        """Build the graph (blocking; every core unless ``threads`` says otherwise)."""
        if check_metric(metric) not in HNSW_METRICS:
            raise ValueError(f"a saved approximate index supports {', '.join(HNSW_METRICS)}, not {metric!r}")
        if len(vectors) < 3:
            raise ValueError("approximate search needs at least 3 vectors")
        voyager = _voyager()
        start = time.perf_counter()
        index = voyager.Index(_space(metric), num_dimensions=vectors.dim, M=m, ef_construction=ef_construction,
                              random_seed=seed + 1, max_elements=len(vectors))
        index.add_items(_rows_for(metric, vectors.matrix), ids=np.arange(len(vectors)), num_threads=threads)
        return cls(vectors, metric, index, time.perf_counter() - start)

    def save(self, file) -> None:
        """Voyager's own file (the graph and the stored vectors, no Python objects) into an open
        binary file."""
        self._index.save(file)

    @classmethod
    def load(cls, vectors, metric: str, path, build_seconds: float = 0.0) -> "HnswIndex":
        """The index Voyager saved at ``path`` (read in native code), for these vectors;
        ValueError when it cannot be read or does not fit them."""
        voyager = _voyager()
        try:
            index = voyager.Index.load(str(path))
        except (RuntimeError, ValueError, OSError) as exc:
            raise ValueError(f"not a readable Voyager index ({exc})") from None
        if index.num_elements != len(vectors) or index.num_dimensions != vectors.dim:
            raise ValueError(f"the index holds {index.num_elements:,} vectors of dimension {index.num_dimensions}, "
                             f"these are {len(vectors):,} of dimension {vectors.dim}")
        if index.space != _space(metric):
            raise ValueError(f"the index was not built for {metric}")
        return cls(vectors, metric, index, build_seconds if isinstance(build_seconds, (int, float)) else 0.0)

    def query_rows(self, queries: np.ndarray, k: int = 10, ef: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) arrays of shape (n_queries, k) for a block of query vectors."""
        queries = _rows_for(self.metric, queries)
        k = min(k, self.n_rows)
        rows, distances = self._index.query(queries, k=k, num_threads=1, query_ef=max(ef or self.ef, k))
        distances = np.asarray(distances, dtype=np.float64)
        if self.metric == "euclidean":  # Voyager's Euclidean space measures squared distances
            scores = np.sqrt(np.maximum(distances, 0.0))
        else:
            scores = 1.0 - distances
        return np.asarray(rows, dtype=np.int64).reshape(len(queries), k), scores.reshape(len(queries), k)

    def query(self, query, k: int = 10, exclude=()) -> list[Neighbour]:
        """Approximate top-k of a name or vector; the query name and ``exclude`` are left out."""
        return self._query(query, k, exclude)
