"""Compare two vector sets over the same names (two runs, two seeds, two dates).

Vectors from two trainings live in arbitrarily rotated spaces. We row-normalise
and centre both, rotate ``b`` onto ``a`` with orthogonal Procrustes (Hamilton
et al. 2016, "Diachronic word embeddings"), and report per name how far it
moved (cosine distance after alignment) and how many of its k nearest
neighbours the two runs share (rotation-free, so it checks the alignment too).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import numpy as np

from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.vectors import Vectors

DEFAULT_LIMIT = 5000
BLOCK_ROWS = 512
SCAN_ROWS = 20_000  # from this many shared names, neighbours come from the 8-bit scan


class AlignError(ValueError):
    """The two vector sets cannot be compared (too few shared names)."""


@dataclass(frozen=True)
class Alignment:
    names: list[str]         # shared names, in ``a``'s order (most frequent first)
    moved: np.ndarray        # cosine distance between a's vector and b's aligned vector
    overlap: np.ndarray      # fraction of the k nearest neighbours (among shared names) both share
    k: int
    disparity: float         # mean squared residual after rotation (0 = identical up to rotation)

    def most_moved(self, n: int = 50) -> list[int]:
        """Indices into ``names`` of the ``n`` names that moved most."""
        return list(np.argsort(-self.moved, kind="stable")[:n])


def shared_names(a: Vectors, b: Vectors, limit: int | None = DEFAULT_LIMIT) -> list[str]:
    """Names present in both, in ``a``'s row order, at most ``limit`` of them."""
    names = [name for name in a.names if name in b.index]
    return names[:limit] if limit else names


def iter_align(a: Vectors, b: Vectors, k: int = 10, limit: int | None = DEFAULT_LIMIT
               ) -> Iterator[float]:
    """Generator: yields progress in [0, 1] (a cancel point each time); returns an Alignment."""
    names = shared_names(a, b, limit)
    if len(names) <= k:
        raise AlignError(f"only {len(names)} names are shared by both vector sets; "
                         f"need more than k={k} to compare neighbourhoods")
    x, y_aligned = aligned_rows(a, b, names)
    moved = moved_distance(x, y_aligned)
    disparity = float(np.mean(np.sum((x - y_aligned) ** 2, axis=1)))
    yield 0.05
    raw_a = a.matrix[[a.index[n] for n in names]].astype(np.float64)
    raw_b = b.matrix[[b.index[n] for n in names]].astype(np.float64)
    overlap = np.empty(len(names))
    # neighbours by plain cosine (no centring), as the neighbour panels show them
    for start, block in _neighbour_overlap_blocks(_unit(raw_a), _unit(raw_b), k):
        overlap[start:start + len(block)] = block
        yield 0.05 + 0.95 * (start + len(block)) / len(names)
    return Alignment(names, moved, overlap, k, disparity)


def aligned_rows(a: Vectors, b: Vectors, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``a``'s and ``b``'s rows of ``names`` as compared: unit rows, centred, padded to one
    width, and ``b``'s rotated onto ``a``'s (orthogonal Procrustes). The comparison and the
    map of two runs (:mod:`~w2v_desktop.core.analysis.map_compare`) both start here."""
    from scipy.linalg import orthogonal_procrustes  # imported when used: SciPy is slow to import

    raw_a = a.matrix[[a.index[n] for n in names]].astype(np.float64)
    raw_b = b.matrix[[b.index[n] for n in names]].astype(np.float64)
    x, y = _pad_to_same_width(_prepare(raw_a), _prepare(raw_b))
    rotation, _ = orthogonal_procrustes(y, x)
    return x, y @ rotation


def moved_distance(x: np.ndarray, y_aligned: np.ndarray) -> np.ndarray:
    """Per row, the cosine distance between ``a``'s row and ``b``'s aligned row (0: the same place)."""
    return (1.0 - np.einsum("ij,ij->i", _unit(x), _unit(y_aligned))).astype(np.float64)


def align(a: Vectors, b: Vectors, k: int = 10, limit: int | None = DEFAULT_LIMIT) -> Alignment:
    """Align ``b`` onto ``a`` and compare them name by name (see ``iter_align``)."""
    return run_to_end(iter_align(a, b, k, limit))


def _prepare(matrix: np.ndarray) -> np.ndarray:
    """Unit rows, then centred: the usual preparation before Procrustes."""
    unit = _unit(matrix)
    return unit - unit.mean(axis=0)


def _unit(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def _pad_to_same_width(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Zero columns let runs of different dimension be compared (a semi-orthogonal map)."""
    width = max(x.shape[1], y.shape[1])
    pad = lambda m: np.pad(m, ((0, 0), (0, width - m.shape[1])))  # noqa: E731
    return pad(x), pad(y)


def _top_k(unit: np.ndarray, start: int, stop: int, k: int) -> np.ndarray:
    """Rows of the k most cosine-similar names (self excluded) for rows start..stop."""
    scores = unit[start:stop] @ unit.T
    scores[np.arange(stop - start), np.arange(start, stop)] = -np.inf
    return np.argpartition(-scores, k - 1, axis=1)[:, :k]


def _neighbour_finder(unit: np.ndarray, k: int):
    """``top(start, stop)``: rows of the k nearest names (self excluded) for rows
    start..stop of ``unit``.

    From SCAN_ROWS names on they come from the exact 8-bit scan
    (:mod:`w2v_desktop.core.vectors.quantized`) instead of a block of the full score
    matrix: with 100,000 names, ``argpartition`` over 100,000 scores per name
    was most of a 3-minute comparison."""
    if len(unit) < SCAN_ROWS:
        return lambda start, stop: _top_k(unit, start, stop, k)
    from w2v_desktop.core.vectors import quantized  # Numba: imported on first use

    unit32 = unit.astype(np.float32)
    codes = quantized.Int8Rows.build(unit32)
    return lambda start, stop: quantized.top_k_of_rows(codes, unit32, np.arange(start, stop), len(unit), k)


def _neighbour_overlap_blocks(x_unit: np.ndarray, y_unit: np.ndarray, k: int):
    """(start, overlap fractions) per block of rows, so memory stays ~BLOCK_ROWS x n."""
    n = len(x_unit)
    top_x, top_y = _neighbour_finder(x_unit, k), _neighbour_finder(y_unit, k)
    for start in range(0, n, BLOCK_ROWS):
        stop = min(n, start + BLOCK_ROWS)
        shared = [len(np.intersect1d(p, q, assume_unique=True))
                  for p, q in zip(top_x(start, stop), top_y(start, stop))]
        yield start, np.asarray(shared, dtype=np.float64) / k
