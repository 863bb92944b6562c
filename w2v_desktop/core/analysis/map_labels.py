"""Which map points get a text label, and where: greedy placement without overlaps.

The caller (the map widget) passes the visible points in screen pixels (y down),
most important first (the query, the selection and search hits, then by
frequency or a chosen column), with each label's size in pixels. Each label in
turn tries a few spots around its point (right, left, above, below, the
diagonals) and takes the first that lies wholly inside the view and touches no
cell of a coarse occupancy grid already taken; the cells it covers are then
taken. A cell is ``CELL`` pixels; a rectangle claims every cell it touches, so
two placed labels never overlap (a gap of ``GAP`` pixels is kept around each).

It is one Numba loop over the candidates, so a few thousand candidates cost a
few milliseconds; the widget passes at most ``MAX_CANDIDATES`` (the most
important visible points), which keeps a zoom on 400,000 points near 10 ms
(``benchmarks/bench_map.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit

CELL = 4
GAP = 2
POINT_GAP = 5          # pixels between a point and its label
MAX_CANDIDATES = 3000
# offsets of a label's top-left corner as (fraction of width, fraction of height, sign of
# the point gap in x, in y): right, left, above-right, below-right, above-left, below-left, above, below
_SPOTS = np.array([[0.0, -0.5, 1, 0], [-1.0, -0.5, -1, 0], [0.0, -1.0, 1, -1], [0.0, 0.0, 1, 1],
                   [-1.0, -1.0, -1, -1], [-1.0, 0.0, -1, 1], [-0.5, -1.0, 0, -1], [-0.5, 0.0, 0, 1]])


@dataclass(frozen=True)
class Placement:
    placed: np.ndarray     # indices into the candidates that got a label, in priority order
    left: np.ndarray       # top-left corner of each placed label, screen pixels
    top: np.ndarray
    dropped_forced: int    # forced candidates (the first ``forced``) that found no free spot


@njit(cache=True, nogil=True)
def _place(xs, ys, widths, heights, view_w, view_h, spots, cell, gap, point_gap, grid, limit,
           out_idx, out_left, out_top):
    rows, cols = grid.shape
    n_out = 0
    for i in range(xs.shape[0]):
        if n_out >= limit:
            break
        w, h = widths[i], heights[i]
        for s in range(spots.shape[0]):
            left = xs[i] + spots[s, 0] * w + spots[s, 2] * point_gap
            top = ys[i] + spots[s, 1] * h + spots[s, 3] * point_gap
            if left < 0 or top < 0 or left + w > view_w or top + h > view_h:
                continue
            c0 = max(0, int((left - gap) // cell))
            c1 = min(cols - 1, int((left + w + gap) // cell))
            r0 = max(0, int((top - gap) // cell))
            r1 = min(rows - 1, int((top + h + gap) // cell))
            free = True
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if grid[r, c]:
                        free = False
                        break
                if not free:
                    break
            if not free:
                continue
            # claim only the label's own cells: the gap is checked, not claimed, on both sides
            for r in range(max(0, int(top // cell)), min(rows - 1, int((top + h) // cell)) + 1):
                for c in range(max(0, int(left // cell)), min(cols - 1, int((left + w) // cell)) + 1):
                    grid[r, c] = True
            out_idx[n_out] = i
            out_left[n_out] = left
            out_top[n_out] = top
            n_out += 1
            break
    return n_out


def place_labels(xs, ys, widths, heights, view_size: tuple[float, float], forced: int = 0,
                 limit: int | None = None, blocked=()) -> Placement:
    """Place labels for candidates in priority order; the first ``forced`` are the ones that must
    be labelled (they go first; any that cannot fit are counted in ``dropped_forced``).

    ``xs``, ``ys``: the points in screen pixels (y down); ``widths``, ``heights``: each label's
    size in pixels; ``view_size``: (width, height) of the view; ``limit``: most labels placed;
    ``blocked``: (left, top, width, height) screen rectangles no label may cover (legends).
    """
    xs, ys = np.asarray(xs, np.float64), np.asarray(ys, np.float64)
    widths, heights = np.asarray(widths, np.float64), np.asarray(heights, np.float64)
    n = len(xs)
    if not (len(ys) == len(widths) == len(heights) == n):
        raise ValueError("xs, ys, widths and heights must have one value per candidate")
    view_w, view_h = float(view_size[0]), float(view_size[1])
    limit = n if limit is None else max(0, min(int(limit), n))
    grid = np.zeros((max(1, int(np.ceil(view_h / CELL)) + 1), max(1, int(np.ceil(view_w / CELL)) + 1)), np.bool_)
    for b_left, b_top, b_w, b_h in blocked:
        r0, c0 = max(0, int(b_top // CELL)), max(0, int(b_left // CELL))
        grid[r0:max(r0, int((b_top + b_h) // CELL) + 1), c0:max(c0, int((b_left + b_w) // CELL) + 1)] = True
    idx, left, top = np.empty(limit, np.int64), np.empty(limit, np.float64), np.empty(limit, np.float64)
    count = _place(xs, ys, widths, heights, view_w, view_h, _SPOTS, float(CELL), float(GAP), float(POINT_GAP),
                   grid, limit, idx, left, top) if n and limit else 0
    idx = idx[:count]
    dropped = int(min(forced, n) - np.count_nonzero(idx < forced))
    return Placement(idx, left[:count], top[:count], dropped)


def label_order(visible: np.ndarray, priority=None, forced=()) -> tuple[np.ndarray, int]:
    """Candidates for :func:`place_labels`: the ``forced`` points that are visible (the first
    ``MAX_CANDIDATES`` of them), then the other visible points by ``priority`` (higher first;
    default: lower index first, i.e. by frequency), at most ``MAX_CANDIDATES`` in all. Returns
    (point indices, how many are forced). ``forced`` may be long (a search matching 300,000 of
    400,000 points): the tests are boolean masks over the points, no Python loop."""
    visible = np.asarray(visible, dtype=np.int64)
    forced = np.asarray(forced, dtype=np.int64).reshape(-1)
    if len(forced):
        size = int(max(forced.max(), visible.max() if len(visible) else 0)) + 1
        shown = np.zeros(size, dtype=bool)
        shown[visible] = True
        forced = forced[shown[forced]]
        first = np.full(size, len(forced), dtype=np.int64)   # each point's first place in forced
        np.minimum.at(first, forced, np.arange(len(forced)))
        forced = forced[first[forced] == np.arange(len(forced))][:MAX_CANDIDATES]   # without repeats, in order
        taken = np.zeros(size, dtype=bool)
        taken[forced] = True
        rest = visible[~taken[visible]]
    else:
        rest = visible
    room = max(0, MAX_CANDIDATES - len(forced))
    if priority is not None and len(rest) > 0:
        values = np.asarray(priority, dtype=np.float64)[rest]
        if len(rest) > room:
            top = np.argpartition(-values, room - 1)[:room] if room else np.zeros(0, np.int64)
            rest = rest[top[np.argsort(-values[top], kind="stable")]]
        else:
            rest = rest[np.argsort(-values, kind="stable")]
    else:
        rest = rest[:room]
    return np.concatenate([forced, rest[:room]]), len(forced)
