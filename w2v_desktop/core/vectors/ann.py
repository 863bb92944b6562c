"""Approximate nearest neighbours with PyNNDescent (a k-NN graph searched greedily).

Building the index takes seconds to minutes for large vocabularies, so the
caller runs :meth:`AnnIndex.build` where it likes (the GUI in a worker
thread); once attached to the vectors, queries that fit it use it. Its
quality is measured against exact search with :func:`recall_at_k`.
"""
from __future__ import annotations

import time
import numpy as np

from w2v_desktop.core.vectors.metrics import check_metric
from w2v_desktop.core.vectors.row_index import RowIndex
from w2v_desktop.core.vectors.similarity import Neighbour, sample_rows, top_k_block

# Our metric name -> PyNNDescent metric, and how to turn its distance into our score.
_PYNN_METRIC = {"cosine": "cosine", "euclidean": "euclidean", "manhattan": "manhattan", "pearson": "correlation"}
_SIMILARITY_FROM_DISTANCE = {"cosine": True, "pearson": True, "euclidean": False, "manhattan": False}
ANN_METRICS = tuple(_PYNN_METRIC)
# Graph degree and search breadth, measured on GloVe 400k x 50 (1,000 queries):
# degree 30 (PyNNDescent's default) reached recall@10 0.938 at epsilon 0.1 and
# 0.963 at 0.2 (0.05 / 0.094 ms per query); degree 50 reaches 0.974 at 0.1 in
# 0.064 ms, for a build about 1.5x longer. Degree 20 stayed below 0.93.
DEFAULT_NEIGHBORS = 50
DEFAULT_EPSILON = 0.1


class AnnIndex(RowIndex):
    """A built PyNNDescent index over all rows of one Vectors object."""

    @classmethod
    def build(cls, vectors, metric: str = "cosine", seed: int = 0, n_neighbors: int = DEFAULT_NEIGHBORS,
              n_jobs: int | None = None) -> "AnnIndex":
        """Build and prepare the search graph (blocking; run it off the GUI thread)."""
        if check_metric(metric) not in _PYNN_METRIC:
            raise ValueError(f"approximate search supports {', '.join(ANN_METRICS)}, not {metric!r}")
        if len(vectors) < 3:
            raise ValueError("approximate search needs at least 3 vectors")
        from pynndescent import NNDescent  # imported here: importing it compiles Numba code

        start = time.perf_counter()
        index = NNDescent(np.ascontiguousarray(vectors.matrix, dtype=np.float32), metric=_PYNN_METRIC[metric],
                          n_neighbors=min(n_neighbors, len(vectors) - 1), random_state=seed,
                          n_jobs=n_jobs, low_memory=True)
        index.prepare()
        return cls(vectors, metric, index, time.perf_counter() - start)

    def query_rows(self, queries: np.ndarray, k: int = 10,
                   epsilon: float = DEFAULT_EPSILON) -> tuple[np.ndarray, np.ndarray]:
        """(rows, scores) arrays of shape (n_queries, k) for a block of query vectors."""
        queries = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        rows, distances = self._index.query(queries, k=min(k, self.n_rows), epsilon=epsilon)
        distances = distances.astype(np.float64)
        return rows, (1.0 - distances if _SIMILARITY_FROM_DISTANCE[self.metric] else distances)

    def query(self, query, k: int = 10, exclude=(), epsilon: float = DEFAULT_EPSILON) -> list[Neighbour]:
        """Approximate top-k of a name or vector; the query name and ``exclude`` are left out."""
        return self._query(query, k, exclude, epsilon)


def build_index(vectors, metric: str = "cosine", seed: int = 0) -> AnnIndex:
    """Plain function for a worker thread: build the index for ``vectors``."""
    return AnnIndex.build(vectors, metric=metric, seed=seed)


def recall_at_k(vectors, index: AnnIndex, k: int = 10, n_queries: int = 1000, seed: int = 0,
                epsilon: float = DEFAULT_EPSILON, cancel=None) -> float:
    """Mean share of the exact top-k (query excluded) that the index also returns."""
    rows = sample_rows(len(vectors), n_queries, seed)
    exact = top_k_block(vectors, rows, k, index.metric, cancel=cancel)
    approx, _ = index.query_rows(vectors.matrix[rows], k + 1, epsilon)
    hits = 0
    for i, row in enumerate(rows):
        found = [r for r in approx[i] if r != row][:exact.shape[1]]
        hits += len(set(found) & set(exact[i].tolist()))
    return hits / exact.size
