"""The map's points, drawn as density while many are in view and as points once few are.

Measured offscreen on GloVe's 400,000 rows (PCA), 1000 x 700 plot, 2 cores, software
rendering (``benchmarks/bench_map.py`` has the harness):

- one pyqtgraph ScatterPlotItem of all 400k points (pxMode, no pen, one brush): 0.9 s to set,
  ~120 ms a frame whatever the zoom (it maps all points every frame; ~30 ms even with 300 in view);
- the same item fed only the points in view: ~9 ms a frame at 30,000 points, but setting its data
  costs ~50 ms per 30,000, so it is refilled only when the view leaves the window it holds;
- an ImageItem fed by our Numba binning kernel (``core/analysis/map_density.py``), re-binned on
  every pan or zoom: 3-7 ms to bin 400k points, ~7-13 ms a frame in all.

So: density (kernel + ImageItem) while more than ``POINTS_BELOW`` points are in view, points
(a ScatterPlotItem holding the points of the view and a margin around it) below that.

The kernel bins a copy of the points sorted by a coarse grid cell (``GRID`` x ``GRID`` over the
map), made once per map: neighbouring points then land in neighbouring pixels one after another,
which took binning 400,000 points from ~2.0 to ~1.5 ms, and from ~1.2 to ~0.5 ms zoomed in.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt

from w2v_desktop.core.analysis import density_image, grid_order

POINTS_BELOW = 15_000   # points in view under which they are drawn one by one
BIN_PIXELS = 2          # density bins are this many screen pixels wide and high
MARGIN = 0.25           # the points item also holds this share of the view beyond each edge
POINT_SIZE = 7
GRID = 256              # the binned copy of the points is sorted by cells of a GRID x GRID grid
DENSITY, POINTS = "density", "points"


class PassiveScatter(pg.ScatterPlotItem):
    """A ScatterPlotItem that never takes a click: pyqtgraph offers clicks to every item near the
    cursor (whatever buttons it accepts), and a scatter accepts one on any of its points, so a
    ring drawn over a point used to swallow the click meant for it. The map picks points itself."""

    def mouseClickEvent(self, ev) -> None:
        ev.ignore()


class PointLayers:
    """Owns a density ImageItem and a points ScatterPlotItem in ``plot`` and draws the map's
    points with whichever fits the view. Neither item takes clicks (the map picks points)."""

    def __init__(self, plot: pg.PlotItem, tip):
        self.image = pg.ImageItem(axisOrder="row-major")
        self.scatter = PassiveScatter(size=POINT_SIZE, pen=None, hoverable=True,
                                          hoverSize=POINT_SIZE + 4, tip=tip)
        for item in (self.image, self.scatter):
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            plot.addItem(item)
        self.coords = np.zeros((0, 2), np.float32)
        self.keep: np.ndarray | None = None
        self.categories = np.zeros(0, np.int32)
        self._order = np.zeros(0, np.int64)   # the binned copy's rows: points sorted by grid cell
        self._binned = (self.coords, self.categories, None)   # coords, categories, keep in that order
        self.palette = np.zeros((1, 4), np.uint8)
        self._rgb = np.zeros((1, 3), np.float32)
        self.brushes: list = [pg.mkBrush(128, 128, 128)]
        self.mode = POINTS
        self.in_view = 0
        self._window: tuple | None = None   # (x0, x1, y0, y1) the points item holds, or None: all
        self.shown = np.zeros(0, np.int64)  # rows in the points item
        self.point_style = None   # a turned 3-D map's depth cue: (rows, categories) -> rows, sizes, brushes
        self.points_below = POINTS_BELOW   # lower for a 3-D map, whose points item is refilled at every turn
        self.weights: np.ndarray | None = None   # a 3-D map's nearness weight per point (density's depth cue)
        self._binned_weights: np.ndarray | None = None   # the same in the binned copy's order

    # -- data -----------------------------------------------------------------------
    def set_points(self, coords) -> None:
        self.coords = np.ascontiguousarray(coords, dtype=np.float32).reshape(-1, 2)
        self.keep = None
        self.categories = np.zeros(len(self.coords), np.int32)
        self._window = None
        self.mode = POINTS
        self._sort_by_cell()
        self.image.clear()
        self.image.setVisible(False)
        self._empty_scatter()

    def move_points(self, coords) -> None:
        """The same points at new places (a 3-D map turned): the binned copy is sorted again;
        colours and isolation stay."""
        self.coords = np.ascontiguousarray(coords, dtype=np.float32).reshape(-1, 2)
        self._sort_by_cell()
        self._window = None

    def _sort_by_cell(self) -> None:
        """The binned copy: the points, their categories, isolation and weights sorted by grid cell."""
        self._order = grid_order(self.coords, GRID)
        # one 8-byte gather per point (x and y together): twice as fast as coords[order]
        pairs = self.coords.view(np.int64).reshape(-1)
        cats = self.categories[self._order] if len(self.categories) == len(self._order) else self.categories
        self._binned = (pairs[self._order].view(np.float32).reshape(-1, 2), cats,
                        None if self.keep is None else self.keep[self._order])
        self._bin_weights()

    def _bin_weights(self) -> None:
        w = self.weights
        self._binned_weights = w[self._order] if w is not None and len(w) == len(self._order) else None

    def _empty_scatter(self) -> None:
        if len(self.shown) or self.scatter.isVisible():
            self.scatter.setData([])
            self.scatter.setVisible(False)   # an empty ScatterPlotItem still costs its paint
        self.shown = np.zeros(0, np.int64)

    def set_colours(self, categories, palette) -> None:
        """``categories``: index per point into ``palette``, a list of QColors."""
        self.categories = np.asarray(categories, dtype=np.int32)
        self.palette = np.array([c.getRgb() for c in palette], dtype=np.uint8).reshape(-1, 4)
        self._rgb = self.palette[:, :3].astype(np.float32)
        coords, _cats, keep = self._binned
        self._binned = (coords, self.categories[self._order] if len(self.categories) == len(self._order)
                        else self.categories, keep)
        self.brushes = [pg.mkBrush(c) for c in palette]
        self._window = None

    def set_keep(self, keep) -> None:
        self.keep = None if keep is None else np.asarray(keep, dtype=bool)
        coords, cats, _keep = self._binned
        self._binned = (coords, cats, None if self.keep is None else self.keep[self._order])
        self._window = None

    # -- drawing --------------------------------------------------------------------------
    def update(self, view_range, size: tuple[float, float]) -> str:
        """Draw for the view ``((x0, x1), (y0, y1))`` on a ``size`` (pixels) viewport."""
        (x0, x1), (y0, y1) = view_range
        n = len(self.coords)
        below = self.points_below
        if n <= below and self.keep is None or (self.keep is not None and self.keep.sum() <= below):
            self.in_view = n
            return self._points(None)
        width, height = max(1, int(size[0] / BIN_PIXELS)), max(1, int(size[1] / BIN_PIXELS))
        coords, cats, keep = self._binned   # the same points, sorted by grid cell: the image is the same
        image, self.in_view = density_image(coords, (x0, x1), (y0, y1), width, height, cats, self._rgb, keep,
                                            self._binned_weights)
        if self.in_view > below:
            self.mode = DENSITY
            self._empty_scatter()   # once, when the points give way to density
            self._window = None
            self.image.setImage(image, autoLevels=False, levels=None)
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.image.setVisible(True)
            return self.mode
        return self._points((x0, x1, y0, y1))

    def _points(self, view) -> str:
        self.image.setVisible(False)
        self.mode = POINTS
        window = self._window
        if view is None:
            if window == ():
                return self.mode
            self._window = ()
            rows = np.arange(len(self.coords)) if self.keep is None else np.flatnonzero(self.keep)
        else:
            x0, x1, y0, y1 = view
            if window and window[0] <= x0 and x1 <= window[1] and window[2] <= y0 and y1 <= window[3]:
                return self.mode
            dx, dy = (x1 - x0) * MARGIN, (y1 - y0) * MARGIN
            self._window = (x0 - dx, x1 + dx, y0 - dy, y1 + dy)
            c = self.coords
            inside = (c[:, 0] >= x0 - dx) & (c[:, 0] <= x1 + dx) & (c[:, 1] >= y0 - dy) & (c[:, 1] <= y1 + dy)
            if self.keep is not None:
                inside &= self.keep
            rows = np.flatnonzero(inside)
        brushes = self.brushes
        cats = self.categories[rows] if len(self.categories) == len(self.coords) else np.zeros(len(rows), np.int32)
        if self.point_style is not None:
            rows, sizes, brush = self.point_style(rows, cats)
        else:
            sizes, brush = POINT_SIZE, [brushes[c] for c in cats]
        self.shown = rows
        self.scatter.setData(pos=self.coords[rows], data=rows, brush=brush, size=sizes)
        self.scatter.setVisible(True)
        return self.mode

    def refresh(self) -> None:
        """Forget what the points item holds, so the next ``update`` refills it."""
        self._window = None

