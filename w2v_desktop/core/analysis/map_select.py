"""Picking points on a 2-D map: the point under a click, the points inside a lasso or a box,
and a point's nearest neighbours on the map (as opposed to in the vectors' own space)."""
from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def _inside(xs, ys, px, py, out):
    n_edges = px.shape[0]
    for i in range(xs.shape[0]):
        x, y = xs[i], ys[i]
        inside = False
        j = n_edges - 1
        for k in range(n_edges):
            # even-odd rule: count the edges a ray to the right of the point crosses
            if (py[k] > y) != (py[j] > y):
                cross = px[k] + (y - py[k]) * (px[j] - px[k]) / (py[j] - py[k])
                if x < cross:
                    inside = not inside
            j = k
        out[i] = inside


def points_in_polygon(coords, polygon, keep=None) -> np.ndarray:
    """Indices (ascending) of the points of ``coords`` (n, 2) inside ``polygon`` (m, 2; closed
    implicitly; even-odd rule), leaving out points whose ``keep`` is False."""
    coords = np.asarray(coords, dtype=np.float64)
    polygon = np.asarray(polygon, dtype=np.float64).reshape(-1, 2)
    if len(polygon) < 3 or len(coords) == 0:
        return np.zeros(0, np.int64)
    lo, hi = polygon.min(axis=0), polygon.max(axis=0)
    box = np.flatnonzero((coords[:, 0] >= lo[0]) & (coords[:, 0] <= hi[0])
                         & (coords[:, 1] >= lo[1]) & (coords[:, 1] <= hi[1]))
    if keep is not None:
        box = box[np.asarray(keep, dtype=bool)[box]]
    out = np.zeros(len(box), np.bool_)
    _inside(coords[box, 0].copy(), coords[box, 1].copy(), polygon[:, 0].copy(), polygon[:, 1].copy(), out)
    return box[out]


def points_in_box(coords, x_range, y_range, keep=None) -> np.ndarray:
    (x0, x1), (y0, y1) = sorted(x_range), sorted(y_range)
    return points_in_polygon(coords, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], keep)


def nearest_point(coords, x: float, y: float, pixel_size: tuple[float, float], radius_px: float = 8.0,
                  keep=None) -> int | None:
    """The point nearest to (x, y) on screen, if within ``radius_px`` pixels; ``pixel_size`` is the
    data width and height of one screen pixel (the axes need not share a scale)."""
    coords = np.asarray(coords)
    if len(coords) == 0:
        return None
    dx = (coords[:, 0] - x) / pixel_size[0]
    dy = (coords[:, 1] - y) / pixel_size[1]
    d2 = dx * dx + dy * dy
    if keep is not None:
        d2 = np.where(np.asarray(keep, dtype=bool), d2, np.inf)
    best = int(np.argmin(d2))
    return best if d2[best] <= radius_px * radius_px else None


def map_neighbours(coords, index: int, k: int, keep=None) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` points nearest to point ``index`` on the map (Euclidean in the map's plane, or
    in its space for a 3-D map), nearest first, without the point itself: (indices, distances)."""
    coords = np.asarray(coords, dtype=np.float64)
    d = np.sqrt(((coords - coords[index]) ** 2).sum(axis=1))
    d[index] = np.inf
    if keep is not None:
        d[~np.asarray(keep, dtype=bool)] = np.inf
    k = int(min(k, np.isfinite(d).sum()))
    if k <= 0:
        return np.zeros(0, np.int64), np.zeros(0)
    part = np.argpartition(d, k - 1)[:k]
    order = part[np.argsort(d[part], kind="stable")]
    return order.astype(np.int64), d[order]
