"""Similarity and distance metrics between a block of query vectors and all rows.

Each metric is a small function ``f(matrix, queries) -> (n_queries, n_rows)``
computed with matrix products (or row chunks, for Manhattan) rather than a
Python loop over rows. Similarities (cosine, dot, Pearson, Tanimoto) rank
larger-is-nearer; distances (Euclidean, Manhattan) rank smaller-is-nearer:
``IS_DISTANCE`` says which.

Products run in float32 (the matrix is float32 and may be large); the
combination with norms runs in float64.
"""
from __future__ import annotations

import numpy as np

METRICS = ("cosine", "dot", "euclidean", "manhattan", "pearson", "tanimoto")
IS_DISTANCE = {"cosine": False, "dot": False, "euclidean": True, "manhattan": True,
               "pearson": False, "tanimoto": False}
LABELS = {"cosine": "Cosine", "dot": "Dot product", "euclidean": "Euclidean",
          "manhattan": "Manhattan", "pearson": "Pearson", "tanimoto": "Tanimoto"}

# Rows per chunk for Manhattan distance: bounds the (chunk, queries, dim) temporaries.
_MANHATTAN_CELLS = 4_000_000


def check_metric(metric: str) -> str:
    if metric not in IS_DISTANCE:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
    return metric


def _as_block(queries: np.ndarray) -> np.ndarray:
    return np.atleast_2d(np.asarray(queries, dtype=np.float32))


def _safe_divide(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, with 0 where the denominator is 0 (zero or constant vectors)."""
    return np.divide(num, den, out=np.zeros(np.broadcast_shapes(num.shape, den.shape)), where=den > 0)


def dot(matrix: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Inner product x·q. Unbounded; favours long vectors (often frequent items)."""
    return (_as_block(queries) @ matrix.T).astype(np.float64)


def cosine(matrix: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """x·q / (|x| |q|), in [-1, 1]: direction only, length ignored. Zero vectors score 0."""
    q = _as_block(queries)
    q_norm = np.linalg.norm(q, axis=1)[:, None].astype(np.float64)
    x_norm = np.linalg.norm(matrix, axis=1)[None, :].astype(np.float64)
    return _safe_divide(dot(matrix, q), q_norm * x_norm)


def euclidean(matrix: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """|x − q| = sqrt(|x|² + |q|² − 2 x·q): a distance, smaller is nearer; length matters."""
    q = _as_block(queries)
    sq = (np.einsum("ij,ij->i", q, q).astype(np.float64)[:, None]
          + np.einsum("ij,ij->i", matrix, matrix).astype(np.float64)[None, :]
          - 2.0 * dot(matrix, q))
    return np.sqrt(np.maximum(sq, 0.0))


def manhattan(matrix: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Σ|x_i − q_i| (city-block): a distance, smaller is nearer; computed in row chunks."""
    from scipy.spatial.distance import cdist  # imported when used: SciPy is slow to import

    q = _as_block(queries)
    out = np.empty((len(q), len(matrix)), dtype=np.float64)
    step = max(1, _MANHATTAN_CELLS // max(1, len(q) * matrix.shape[1]))
    for start in range(0, len(matrix), step):
        out[:, start:start + step] = cdist(q, matrix[start:start + step], "cityblock").astype(np.float64)
    return out


def pearson(matrix: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Correlation of the components of x and q: cosine after centring each vector on its mean.

    Uses Σ(x−x̄)(q−q̄) = x·(q−q̄), so the centred matrix is never materialised.
    Constant vectors score 0.
    """
    q = _as_block(queries).astype(np.float64)
    dim = q.shape[1]
    q_centred = (q - q.mean(axis=1, keepdims=True)).astype(np.float32)
    num = dot(matrix, q_centred)
    x_mean = matrix.mean(axis=1, dtype=np.float64)
    x_sq = np.einsum("ij,ij->i", matrix, matrix).astype(np.float64)
    x_spread = np.sqrt(np.maximum(x_sq - dim * x_mean ** 2, 0.0))
    q_spread = np.linalg.norm(q_centred.astype(np.float64), axis=1)
    return _safe_divide(num, q_spread[:, None] * x_spread[None, :])


def tanimoto(matrix: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """Extended Jaccard for real vectors: x·q / (|x|² + |q|² − x·q); 1 for identical vectors."""
    q = _as_block(queries)
    xq = dot(matrix, q)
    den = (np.einsum("ij,ij->i", q, q).astype(np.float64)[:, None]
           + np.einsum("ij,ij->i", matrix, matrix).astype(np.float64)[None, :] - xq)
    return _safe_divide(xq, den)


FUNCTIONS = {"cosine": cosine, "dot": dot, "euclidean": euclidean, "manhattan": manhattan,
             "pearson": pearson, "tanimoto": tanimoto}


def block_scores(matrix: np.ndarray, queries: np.ndarray, metric: str) -> np.ndarray:
    """Scores of every query (rows of ``queries``) against every row of ``matrix``."""
    return FUNCTIONS[check_metric(metric)](matrix, queries)


def nearness(scores: np.ndarray, metric: str) -> np.ndarray:
    """Scores turned so that larger is always nearer (distances negated)."""
    return -scores if IS_DISTANCE[metric] else scores
