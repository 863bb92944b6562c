"""Large maps drawn as density: points binned into a screen-sized RGBA image.

A map of the whole vocabulary (400,000 GloVe rows) cannot be drawn point by
point at interactive speed here: pyqtgraph's ScatterPlotItem takes about
120 ms a frame at 400k points (2 cores, software rendering; figures in
``benchmarks/bench_map.py``). Binning the points that fall in the view into
one pixel grid with the Numba kernel below takes a few milliseconds, and the
image draws in a few more, so the GUI re-bins on every pan or zoom. Each
pixel's colour is the mean colour of the points in it (their category's
colour, or one colour), its opacity grows with the log of its count. A turned
3-D map gives each point a weight, its nearness (``weights``): a pixel's colour
is then the weighted mean and its opacity is multiplied by its points' mean
weight, so far points are fainter in density too (the depth cue of its points).

``visible_rows`` gives the rows inside a view; the map switches from density
to points when few enough are visible.
"""
from __future__ import annotations

import numpy as np
from numba import njit

MIN_ALPHA = 70   # the faintest non-empty pixel stays visible on any background


@njit(cache=True, nogil=True)
def _bin(xs, ys, cats, keep, weights, x0, y0, sx, sy, width, height, counts, weight_sums, sums, palette):
    """Returns how many points fell in the image, or -1 at a category outside the palette
    (checked here: a separate min/max pass over 400,000 categories cost more every frame)."""
    seen = 0
    n_colours = palette.shape[0]
    for i in range(xs.shape[0]):
        if keep.shape[0] and not keep[i]:
            continue
        fx = (xs[i] - x0) * sx
        fy = (ys[i] - y0) * sy
        if not (fx >= 0.0 and fy >= 0.0 and fx < width and fy < height):   # NaN too
            continue
        col = min(int(fx), width - 1)
        row = min(int(fy), height - 1)
        c = cats[i] if cats.shape[0] else 0
        if c < 0 or c >= n_colours:
            return -1
        seen += 1
        counts[row, col] += 1
        if weights is None:   # numba compiles each case apart (a None argument prunes the branch)
            for k in range(3):
                sums[row, col, k] += palette[c, k]
        else:
            w = weights[i]
            weight_sums[row, col] += w
            for k in range(3):
                sums[row, col, k] += w * palette[c, k]
    return seen


@njit(cache=True, nogil=True)
def _shade(counts, weight_sums, sums, top, out):
    scale = (255.0 - MIN_ALPHA) / np.log1p(top) if top > 1 else 0.0
    for r in range(counts.shape[0]):
        for c in range(counts.shape[1]):
            n = counts[r, c]
            if n == 0:
                continue
            alpha = MIN_ALPHA + scale * np.log1p(n)
            total = float(n)
            if weight_sums is not None:   # colour: the weighted mean; opacity: times the mean weight
                total = max(float(weight_sums[r, c]), 1e-6)
                alpha *= min(1.0, total / n)
            for k in range(3):
                out[r, c, k] = np.uint8(min(255.0, sums[r, c, k] / total))
            out[r, c, 3] = np.uint8(min(255.0, alpha))


def density_image(coords, x_range, y_range, width: int, height: int, categories=None, palette=None,
                  keep=None, weights=None) -> tuple[np.ndarray, int]:
    """RGBA image (height, width, 4) uint8 of the points of ``coords`` inside the view, row 0 at
    ``y_range[0]`` (the bottom), and how many points it holds.

    ``categories``: int index per point into ``palette`` (k, 3) RGB 0-255; without them every
    point has ``palette[0]`` (default mid grey). ``keep``: bool per point, False hides it.
    ``weights``: float per point in (0, 1] (default 1), its share of its pixel's colour and opacity.
    """
    coords = np.asarray(coords, dtype=np.float32)
    width, height = max(1, int(width)), max(1, int(height))
    palette = np.asarray(palette if palette is not None else [[128, 128, 128]], dtype=np.float32).reshape(-1, 3)
    cats = np.asarray(categories, dtype=np.int32) if categories is not None else np.zeros(0, np.int32)
    keep_arr = np.asarray(keep, dtype=np.bool_) if keep is not None else np.zeros(0, np.bool_)
    weight_arr = np.asarray(weights, dtype=np.float32) if weights is not None else None
    (x0, x1), (y0, y1) = x_range, y_range
    sx = width / (x1 - x0) if x1 > x0 else 0.0
    sy = height / (y1 - y0) if y1 > y0 else 0.0
    counts = np.zeros((height, width), np.int32)
    weight_sums = np.zeros((height, width), np.float32) if weights is not None else None
    sums = np.zeros((height, width, 3), np.float32)
    seen = _bin(coords[:, 0], coords[:, 1], cats, keep_arr, weight_arr, float(x0), float(y0), sx, sy, width, height,
                counts, weight_sums, sums, palette) if len(coords) else 0
    if seen < 0:
        raise ValueError(f"category indices must lie in 0..{len(palette) - 1}")
    out = np.zeros((height, width, 4), np.uint8)
    _shade(counts, weight_sums, sums, int(counts.max()) if seen else 0, out)
    return out, int(seen)


@njit(cache=True, nogil=True)
def _grid_order(xs, ys, x0, y0, sx, sy, cells, order):
    """Counting sort of the points by grid cell (row by row); NaN and inf go to cell 0."""
    n = xs.shape[0]
    keys = np.empty(n, np.int64)
    starts = np.zeros(cells * cells + 1, np.int64)
    for i in range(n):
        fx = (xs[i] - x0) * sx
        fy = (ys[i] - y0) * sy
        col = min(max(int(fx), 0), cells - 1) if np.isfinite(fx) else 0
        row = min(max(int(fy), 0), cells - 1) if np.isfinite(fy) else 0
        keys[i] = row * cells + col
        starts[keys[i] + 1] += 1
    for k in range(cells * cells):
        starts[k + 1] += starts[k]
    for i in range(n):
        order[starts[keys[i]]] = i
        starts[keys[i]] += 1


def grid_order(coords, cells: int = 256) -> np.ndarray:
    """Rows of ``coords`` sorted by their cell in a ``cells`` x ``cells`` grid over their extent
    (row by row, stable). Binning points in this order is faster: neighbouring points land in
    neighbouring pixels one after another (the map bins such a copy on every frame)."""
    coords = np.asarray(coords, dtype=np.float32).reshape(-1, 2)
    order = np.empty(len(coords), np.int64)
    if not len(coords):
        return order
    xs, ys = coords[:, 0], coords[:, 1]
    extent = []
    for values in (xs, ys):
        lo, hi = float(values.min()), float(values.max())
        if not (np.isfinite(lo) and np.isfinite(hi)):   # NaN or inf somewhere: the finite extent
            finite = values[np.isfinite(values)]
            lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
        extent.append((lo, cells / max(hi - lo, 1e-12)))
    (x0, sx), (y0, sy) = extent
    _grid_order(xs, ys, x0, y0, sx, sy, int(cells), order)
    return order


def visible_rows(coords, x_range, y_range, keep=None) -> np.ndarray:
    """Indices of the points inside the view (ascending), hidden ones left out."""
    coords = np.asarray(coords)
    (x0, x1), (y0, y1) = x_range, y_range
    inside = (coords[:, 0] >= x0) & (coords[:, 0] <= x1) & (coords[:, 1] >= y0) & (coords[:, 1] <= y1)
    if keep is not None:
        inside &= np.asarray(keep, dtype=bool)
    return np.flatnonzero(inside)
