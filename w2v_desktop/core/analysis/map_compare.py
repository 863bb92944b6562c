"""Two runs on one map: where each shared name sits in run A and in run B, and the names
that moved most (drawn as arrows by the app, written as a table by ``compare-runs --map``).

Run B is first rotated onto run A with the comparison's own Procrustes step
(:func:`~w2v_desktop.core.analysis.align.aligned_rows`: unit rows, centred, one
orthogonal rotation), so ``moved`` is exactly the Compare tab's figure. Then ONE PCA is
fitted on the stacked aligned rows (A's and B's together) and both are projected with
it: the same linear map for both runs, so a name whose vectors agree gets one position,
and the arrow from its A point to its B point is its aligned movement seen along the
two axes that hold the most variance of both runs. PCA is the honest default because it
is a fixed linear map: distances and directions on the map are those of the vectors,
shrunk by the projection, never invented.

t-SNE and UMAP cannot place two runs consistently without tricks. They place each point
from its neighbourhood, not by a map that could be applied to both runs: two separate
fits land in unrelated layouts (any rotation, reflection or cluster arrangement), and one
fit on the stacked rows makes each name's A copy and B copy neighbours of each other, so
the layout pulls them together (hiding the movement) or, when the runs differ throughout,
splits them into two worlds. The length of an arrow would then say nothing about how far
the vectors moved. Getting comparable non-linear maps needs extra machinery (starting B's
layout from A's, or a joint objective such as AlignedUMAP's), which this module does not
pretend to do.

Cost: the rotation is one SVD of a dim x dim matrix after a product over the names; the PCA
of 2n rows is exact up to 2,000,000 cells and randomised above (``projection_methods``); A's
trust score is measured on a sample of 5,000 points, as for any map. 50,000 random names of
300 dimensions, measured on a loaded 2-core machine under ``nice``: rotation 11 s, PCA 6 s,
trust 10 s. So it is cancel-aware: the generator yields between the steps (each yield is a
cancel point for the app's worker), and ``cancel`` is also checked inside the PCA and trust
stages (the exact scan of the trust stage checks it per block).
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from typing import Iterator

import numpy as np

from w2v_desktop.core.analysis.align import DEFAULT_LIMIT, AlignError, aligned_rows, moved_distance, shared_names
from w2v_desktop.core.analysis.map_export import spreadsheet_safe
from w2v_desktop.core.analysis.projection import Projection
from w2v_desktop.core.analysis.projection_methods import TRUST_SAMPLE, StageReport, layout, trust_scores
from w2v_desktop.core.analysis.projection_params import ProjectionParams
from w2v_desktop.core.cancel import run_to_end
from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.core.vectors import Vectors

DEFAULT_ARROWS = 30   # arrows drawn for the names that moved most
MIN_NAMES = 3         # a map needs at least 3 points
CSV_COLUMNS = ("name", "x_a", "y_a", "x_b", "y_b", "moved")


@dataclass(frozen=True)
class MapComparison:
    """One 2-D layout holding both runs: row i is ``names[i]``, at ``coords_a[i]`` in run A
    and ``coords_b[i]`` in run B (B aligned onto A)."""
    names: list[str]       # shared names, in A's order (most frequent first)
    rows_a: np.ndarray     # their rows in run A
    coords_a: np.ndarray   # (n, 2) float32
    coords_b: np.ndarray   # (n, 2) float32
    moved: np.ndarray      # cosine distance moved after alignment (as the Compare tab)
    trust_a: np.ndarray    # trust of A's positions (NaN where not measured), as for any map
    explained: float       # share of the stacked rows' variance the two axes show

    def most_moved(self, k: int = DEFAULT_ARROWS, among=None) -> np.ndarray:
        """Indices of the ``k`` names that moved most, most first (ties: in A's order); ``among``
        (a boolean mask, e.g. the points an isolation shows): only those names."""
        order = np.argsort(-self.moved, kind="stable")
        if among is not None:
            order = order[np.asarray(among, dtype=bool)[order]]
        return order[:max(0, int(k))]

    def projection_a(self) -> Projection:
        """Run A's points as an ordinary map (hover, labels, selection, colour, export all work)."""
        return Projection(self.rows_a, list(self.names), self.coords_a, self.trust_a, "pca",
                          ProjectionParams(method="pca"))


def iter_map_comparison(a: Vectors, b: Vectors, limit: int | None = DEFAULT_LIMIT,
                        names: list[str] | None = None, cancel=None, seed: int = 0) -> Iterator[float]:
    """Generator: yields progress in [0, 1]; returns a :class:`MapComparison` of ``names``
    (default: the ``limit`` most frequent names both runs hold, as the comparison takes them)."""
    names = list(names) if names is not None else shared_names(a, b, limit)
    if len(names) < MIN_NAMES:
        raise AlignError(f"only {len(names)} names are shared by both vector sets; a map needs {MIN_NAMES}")
    x, y_aligned = aligned_rows(a, b, names)
    moved = moved_distance(x, y_aligned)
    yield 0.2
    stacked = np.vstack([x, y_aligned]).astype(np.float32)
    coords = layout(stacked, ProjectionParams(method="pca", seed=seed), StageReport(cancel=cancel))
    n = len(names)
    centred = stacked - stacked.mean(axis=0)
    total = float(np.sum(centred.astype(np.float64) ** 2))
    shown = float(np.sum((coords - coords.mean(axis=0)).astype(np.float64) ** 2))
    yield 0.6
    rows_a = np.array([a.index[name] for name in names], dtype=np.int64)
    trust = trust_scores(np.ascontiguousarray(a.unit[rows_a], dtype=np.float32), coords[:n], metric="euclidean",
                         sample=TRUST_SAMPLE, seed=seed, unit_rows=True, report=StageReport(cancel=cancel))
    yield 1.0
    return MapComparison(names, rows_a, coords[:n], coords[n:], moved, trust, shown / total if total > 0 else 0.0)


def map_comparison(a: Vectors, b: Vectors, limit: int | None = DEFAULT_LIMIT, names: list[str] | None = None,
                   cancel=None, seed: int = 0) -> MapComparison:
    """Both runs on one map (see :func:`iter_map_comparison`)."""
    return run_to_end(iter_map_comparison(a, b, limit, names, cancel, seed))


def write_comparison_csv(path, comparison: MapComparison) -> None:
    """name, x_a, y_a, x_b, y_b, moved per name, in A's order; written atomically."""
    with atomic_write(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(CSV_COLUMNS)
        for name, (xa, ya), (xb, yb), moved in zip(comparison.names, comparison.coords_a.tolist(),
                                                   comparison.coords_b.tolist(), comparison.moved.tolist()):
            cells = [name, xa, ya, xb, yb, moved if math.isfinite(moved) else None]
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
