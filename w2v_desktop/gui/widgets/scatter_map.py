"""The 2-D map drawing: points (density when many are in view), labels, colours, search
highlights, a selection with links to its neighbours, and a legend. It draws what it is given
and picks points; the maths lives in core (``map_density``, ``map_labels``, ``map_select``).

Mouse: drag pans, the wheel zooms, a click selects the nearest point (Ctrl+click adds or
removes it), Shift+drag selects a box, Ctrl+drag a lasso; a 3-D map (``map_rotation``) turns
with a right-drag or Alt+drag and the arrow keys. Overlays take no clicks: every click
goes to the view box, which picks the nearest point in screen space.
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from w2v_desktop.core.analysis import OKABE_ITO, distinct_cells, nearest_point, points_in_polygon, visible_rows
from w2v_desktop.gui import theme
from w2v_desktop.gui.widgets.map_density_item import POINT_SIZE, PassiveScatter, PointLayers
from w2v_desktop.gui.widgets.map_labels_item import LabelLayer
from w2v_desktop.gui.widgets.map_rotation import MapRotation
from w2v_desktop.gui.widgets.map_viewbox import MapViewBox
from w2v_desktop.gui.i18n import tr

MAX_CATEGORIES = len(OKABE_ITO)   # distinct colours (colour-blind safe); the rest share "other"
SCALE_STEPS = 64          # a colour scale is drawn in this many steps
LABEL_DELAY_MS = 80       # labels are re-placed once a pan or zoom has paused this long
CLICK_RADIUS_PX = 8
MAX_RINGS = 1000          # search matches ringed at most (those in view, most frequent first)
MAX_STARS = 1000          # selected points starred at most (those in view, the selection's order)


def categorical_colours(values: list[str]) -> tuple[np.ndarray, list[QColor], list[tuple[str, QColor]]]:
    """Category index per point, the palette, and (category, colour) legend entries, most common first
    (ties: first seen)."""
    texts, codes = distinct_cells(values)
    return coded_colours(codes, texts)


def coded_colours(codes, texts: list[str]) -> tuple[np.ndarray, list[QColor], list[tuple[str, QColor]]]:
    """As :func:`categorical_colours` for points given as indices into ``texts`` (counted with numpy:
    a Python loop per point took 0.5 s at 400k)."""
    codes = np.asarray(codes, dtype=np.int64)
    counts = np.bincount(codes, minlength=len(texts))
    present = np.flatnonzero(counts)
    ranked = present[np.argsort(-counts[present], kind="stable")][:MAX_CATEGORIES]
    common = [texts[i] for i in ranked.tolist()]
    palette = [QColor(OKABE_ITO[i]) for i in range(len(common))]
    palette.append(theme.palette_color(QPalette.ColorRole.Mid, 160))
    legend = [(v or tr("(none)"), palette[i]) for i, v in enumerate(common)]
    if len(present) > len(common):
        legend.append((tr("other"), palette[-1]))
    category = np.full(len(counts), len(common), dtype=np.int32)
    category[ranked] = np.arange(len(common), dtype=np.int32)
    return category[codes], palette, legend


class LegendSample(pg.ItemSample):
    """A legend swatch that reports clicks (the map isolates its category) instead of hiding
    the swatch itself, which is what pyqtgraph's sample does."""

    def mouseClickEvent(self, event):
        event.accept()
        self.sigClicked.emit(self.item)


class ScatterMap(QWidget):
    """``point_clicked(index)``: a click picked a point. ``selection_changed(indices)``: the
    selection changed (the first index is the focus: its neighbours are linked)."""

    point_clicked = Signal(int)
    selection_changed = Signal(list)
    isolation_changed = Signal()   # ``keep`` changed: an isolation, Show all, or a new colouring's reset

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view_box = MapViewBox()
        self.plot = theme.make_plot(view_box=self.view_box)
        self.plot.getPlotItem().setAspectLocked(False)
        self.names: list[str] = []
        self.tips: list[str] | Callable[[int], str] = []   # hover texts, or a function of the point
        self.short_labels: list[str] = []
        self.coords = np.zeros((0, 2), np.float32)
        item = self.plot.getPlotItem()
        self.layers = PointLayers(item, self._tip)
        self.scatter = self.layers.scatter
        # a wide base-coloured halo under each link keeps it visible over any point colour
        self.link_halo = pg.PlotDataItem([], [], connect="pairs")
        self.links = pg.PlotDataItem([], [], connect="pairs")
        self.highlight = PassiveScatter(size=POINT_SIZE + 8, brush=None)
        self.selected = PassiveScatter(size=POINT_SIZE + 10, symbol="star")
        for overlay in (self.link_halo, self.links, self.highlight, self.selected):
            overlay.setAcceptedMouseButtons(Qt.MouseButton.NoButton)   # clicks reach the points
            item.addItem(overlay, ignoreBounds=True)
        self.label_layer = LabelLayer(self.view_box)
        self.legend = pg.LegendItem(offset=(-10, 10), sampleType=LegendSample)
        self.legend.setParentItem(self.view_box)
        self.legend.sigSampleClicked.connect(self._legend_clicked)
        self.categories: np.ndarray | None = None   # category per point while coloured by one
        self.legend_categories: list[tuple[object, int, str]] = []   # (swatch item, category, label)
        self.isolated_category: int | None = None
        self._colour = self.colour_uniform  # re-applied when the palette changes
        self.colorbar = None
        self.selection: list[int] = []
        self.hits = np.zeros(0, np.int64)    # search matches (ringed, labelled first)
        self._ringed: np.ndarray | None = None   # the matches ringed now
        self._starred = np.zeros(0, np.int64)    # the selected points starred now
        self.pinned: list[int] = []          # always labelled (the query name)
        self.link_targets: list[int] = []
        self.keep: np.ndarray | None = None  # isolated points, or None: all shown
        self.label_priority = None           # higher first; None: row order (frequency)
        self.dropped_hits = 0
        self._held = 0                       # inside ``held()``: drawing and labelling wait
        self._owed: set[str] = set()
        self._label_timer = QTimer(self, singleShot=True, interval=LABEL_DELAY_MS)
        self._label_timer.setObjectName("map labels")
        self._label_timer.timeout.connect(self.refresh_labels)
        self.view_box.sigRangeChanged.connect(self._range_changed)
        self.view_box.sigResized.connect(self._range_changed)
        self.view_box.clicked.connect(self._clicked_at)
        self.view_box.region_selected.connect(self.select_region)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.turn = MapRotation(self)
        self.apply_theme()

    def apply_theme(self) -> None:
        text, base = theme.palette_color(QPalette.ColorRole.Text), theme.palette_color(QPalette.ColorRole.Base)
        self.link_halo.setPen(pg.mkPen(base, width=4))
        self.links.setPen(pg.mkPen(text, width=1.5))
        self.highlight.setPen(theme.curve_pen(width=2.5))
        self.selected.setPen(pg.mkPen(text))
        self.selected.setBrush(theme.fill_brush(alpha=255))
        self.view_box.set_outline_pen(pg.mkPen(text, width=1.5, style=Qt.PenStyle.DashLine))
        theme.style_legend(self.legend)
        self._colour()
        self.label_layer.update()

    # -- data ----------------------------------------------------------------------
    def set_points(self, names: list[str], coords, tips, title: str, axis_name: str,
                   short_labels: list[str] | None = None) -> None:
        """``tips`` show on hover: a text per point, or a function of the point's index (made
        when hovered: a large map need not build 400,000 texts); ``short_labels`` (default:
        names) are the labels' texts. ``coords`` (n, 3): a 3-D map, drawn turned (``self.turn``)."""
        self.names = list(names)
        self.tips = tips if callable(tips) else list(tips)
        self.short_labels = list(short_labels) if short_labels is not None else self.names
        self.coords = np.asarray(self.turn.set_data(coords), dtype=np.float32).reshape(-1, 2)
        self.selection, self.pinned, self.link_targets = [], [], []
        self.hits, self._ringed = np.zeros(0, np.int64), None
        self._starred = np.zeros(0, np.int64)
        self.keep, self.label_priority = None, None
        self.layers.set_points(self.coords)
        self.links.setData([], [])
        self.link_halo.setData([], [])
        for overlay in (self.highlight, self.selected):
            overlay.setData([])
            overlay.setVisible(False)   # an empty ScatterPlotItem still costs its paint every frame
        self.label_layer.clear()
        self._clear_legend()
        theme.set_labels(self.plot, title, f"{axis_name} 1" if axis_name else "", f"{axis_name} 2" if axis_name else "")
        self.turn.style_axes(axis_name)
        self._colour = self.colour_uniform
        self.colour_uniform()
        self.fit_view()
        self.selection_changed.emit([])

    def move_points(self, coords) -> None:
        """The same points at new places (a 3-D map turned), fast enough for every step of a drag:
        colours, selection, search rings, links, isolation and the zoom stay; labels move with
        their points and are placed again once the turning pauses."""
        self.coords = np.asarray(coords, dtype=np.float32).reshape(-1, 2)
        self.layers.move_points(self.coords)
        if self._ringed is not None and len(self._ringed):
            self.highlight.setData(pos=self.coords[self._ringed])
        if len(self._starred):
            self.selected.setData(pos=self.coords[self._starred])
        if self.selection and self.link_targets:
            self._draw_links(self.selection[0], self.link_targets)
        self.label_layer.xy = self.coords[self.label_layer.rows].astype(np.float64)
        self._redraw()

    def clear(self) -> None:
        self.set_points([], np.zeros((0, 2)), [], "", "")

    def set_label_texts(self, texts: list[str], priority=None) -> None:
        """Label texts per point and their priority (higher labelled first; None: row order)."""
        self.short_labels = texts if hasattr(texts, "__getitem__") else list(texts)   # only read: no copy of 400k
        self.label_priority = None if priority is None else np.asarray(priority, dtype=np.float64)
        self.refresh_labels()

    def fit_view(self, rows=None) -> None:
        """Show all (shown) points, or ``rows``."""
        if rows is None:
            rows = np.flatnonzero(self.keep) if self.keep is not None else None
        coords = self.coords if rows is None else self.coords[np.asarray(rows, dtype=np.int64)]
        if rows is None and self.turn.active:   # the whole ball: no point leaves the view as it turns
            coords = np.array([[-1.0, -1.0], [1.0, 1.0]])
        if len(coords) == 0:
            self.view_box.setRange(xRange=(0, 1), yRange=(0, 1))
            return
        # per column: a reduction over axis 0 of (n, 2) float32 is ten times slower (8 ms at 400k)
        lo = np.array([coords[:, 0].min(), coords[:, 1].min()], dtype=float)
        hi = np.array([coords[:, 0].max(), coords[:, 1].max()], dtype=float)
        span = np.maximum(hi - lo, 1e-6)
        self.view_box.setRange(xRange=(lo[0], lo[0] + span[0]), yRange=(lo[1], lo[1] + span[1]), padding=0.05)

    def center_on(self, index: int) -> None:
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        x, y = self.coords[index]
        self.view_box.setRange(xRange=(x - (x1 - x0) / 2, x + (x1 - x0) / 2),
                               yRange=(y - (y1 - y0) / 2, y + (y1 - y0) / 2), padding=0)

    # -- colour ------------------------------------------------------------------------
    def colour_uniform(self) -> None:
        self._colour = self.colour_uniform
        self._clear_legend()
        self.layers.set_colours(np.zeros(len(self.coords), np.int32), [theme.palette_color(QPalette.ColorRole.Highlight, 180)])
        self._redraw()

    def colour_categories(self, values: list[str], title: str) -> None:
        self._colour = lambda: self.colour_categories(values, title)
        categories, palette, entries = categorical_colours(values)
        self._show_categories(categories, palette, entries)

    def colour_coded(self, codes, texts: list[str], title: str) -> None:
        """As ``colour_categories`` for points given as indices into ``texts``."""
        self._colour = lambda: self.colour_coded(codes, texts, title)
        self._show_categories(*coded_colours(codes, texts))

    def colour_mask(self, mask, label: str, colour: str) -> None:
        """The points where ``mask`` is true in ``colour``, the rest grey (one value highlighted)."""
        self._colour = lambda: self.colour_mask(mask, label, colour)
        grey = theme.palette_color(QPalette.ColorRole.Mid, 120)
        palette = [QColor(colour), grey]
        entries = [(f"{label} ({int(np.sum(mask)):,})", palette[0]), (tr("others"), grey)]
        self._show_categories(np.where(np.asarray(mask, dtype=bool), 0, 1).astype(np.int32), palette, entries)

    def _show_categories(self, categories, palette, entries) -> None:
        self._clear_legend()
        self.categories = np.asarray(categories, dtype=np.int32)
        self.layers.set_colours(self.categories, palette)
        for category, (label, colour) in enumerate(entries):
            swatch = pg.ScatterPlotItem(size=POINT_SIZE + 2, pen=None, brush=pg.mkBrush(colour))
            self.legend.addItem(swatch, label)
            self.legend_categories.append((swatch, category, label))
        self.legend.setVisible(True)
        self._redraw()

    def _legend_clicked(self, swatch) -> None:
        """A click on a legend entry isolates its points; a second click shows all again."""
        for item, category, _label in self.legend_categories:
            if item is swatch:
                self.isolate_category(category)

    def isolate_category(self, category: int) -> None:
        if self.categories is None or category == self.isolated_category:
            self.show_all()
            return
        rows = np.flatnonzero(self.categories == category)
        if len(rows):
            self.isolate(rows.tolist())
            self.isolated_category = category

    def colour_scale(self, values, label: str, levels=(0.0, 1.0), colormap: str = "viridis") -> None:
        """Colour by a number; missing values (NaN) are grey."""
        self._colour = lambda: self.colour_scale(values, label, levels, colormap)
        cmap = pg.colormap.get(colormap)
        low, high = levels
        values = np.asarray(values, dtype=float)
        scaled = np.clip((values - low) / ((high - low) or 1.0), 0, 1)
        steps = np.where(np.isnan(values), SCALE_STEPS, np.round(np.nan_to_num(scaled) * (SCALE_STEPS - 1)))
        palette = list(cmap.map(np.linspace(0, 1, SCALE_STEPS), mode="qcolor"))
        palette.append(theme.palette_color(QPalette.ColorRole.Mid, 120))
        self._clear_legend()
        self.layers.set_colours(steps.astype(np.int32), palette)
        self.colorbar = pg.ColorBarItem(values=levels, colorMap=cmap, interactive=False, width=12)
        theme.style_colorbar(self.colorbar, label)
        self.plot.getPlotItem().layout.addItem(self.colorbar, 2, 5)
        self._redraw()

    def _clear_legend(self) -> None:
        if self.isolated_category is not None:   # a new colouring: its categories differ
            self.isolated_category = None
            self.keep = None
            self.layers.set_keep(None)
            self.isolation_changed.emit()
        self.categories, self.legend_categories = None, []
        self.legend.clear()
        self.legend.setVisible(False)
        if self.colorbar is not None:
            self.plot.getPlotItem().layout.removeItem(self.colorbar)
            self.colorbar.setParentItem(None)
            self.colorbar.deleteLater()
            self.colorbar = None

    # -- drawing -----------------------------------------------------------------------
    @property
    def mode(self) -> str:
        """"density" or "points": how the points in view are drawn now."""
        return self.layers.mode

    @contextmanager
    def held(self):
        """Draw the points and place the labels once, at the end, for several changes in a row
        (a new map: points, colour, label texts, the pinned name, search matches; each of them
        alone re-bins 400,000 points and re-places the labels)."""
        self._held += 1
        try:
            yield self
        finally:
            self._held -= 1
            if not self._held:
                owed, self._owed = self._owed, set()
                if "draw" in owed:
                    self._range_changed()
                if "labels" in owed:
                    self.refresh_labels()

    def _redraw(self) -> None:
        self.layers.refresh()
        self._range_changed()

    def _range_changed(self, *_args) -> None:
        if self._held:
            self._owed.add("draw")
            return
        rect = self.view_box.rect()
        self.layers.update(self.view_box.viewRange(), (rect.width(), rect.height()))
        if self.isVisible():
            self._label_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._label_timer.start()

    def hideEvent(self, event) -> None:
        self._label_timer.stop()    # hidden: nothing to label (placed again when shown)
        super().hideEvent(event)

    def refresh_labels(self) -> None:
        """Place the labels for the current view (called after a pan or zoom settles)."""
        self._label_timer.stop()
        if self._held:
            self._owed.add("labels")
            return
        if len(self.coords) == 0:
            self.label_layer.clear()
            return
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        visible = visible_rows(self.coords, (x0, x1), (y0, y1), self.keep)
        forced = np.concatenate([np.asarray(self.selection[:50] + self.pinned + self.link_targets, np.int64),
                                 self.hits])
        self.label_layer.place(self.coords, visible, self.short_labels, self.label_priority, forced,
                               strong=frozenset(self.selection[:50] + self.pinned))
        self._ring_hits(visible)
        self._star_selection(visible)
        shown_hits = int(np.count_nonzero(self._mask(self.label_layer.rows)[self.hits])) if len(self.hits) else 0
        self.dropped_hits = len(self.hits) - shown_hits
        self.label_layer.note = (tr("labels for {shown_hits:,} of {n_hits:,} matches").format(shown_hits=shown_hits, n_hits=len(self.hits))
                                 + (tr(" (zoom in for more)") if shown_hits < len(self.hits) else "")
                                 if self.dropped_hits else "")
        self.label_layer.update()

    # -- overlays ----------------------------------------------------------------------
    def show_highlights(self, indices) -> None:
        """Ring and label the search matches (labels as many as fit; the map says how many)."""
        self.hits = np.asarray(indices, dtype=np.int64).reshape(-1)
        self.refresh_labels()

    def _ring_hits(self, visible: np.ndarray) -> None:
        """Ring the matches in view, at most ``MAX_RINGS`` (a ring per match of 300,000 would
        take a second to set and slow every frame); re-done when a pan or zoom settles."""
        hits = self.hits
        if len(hits) > MAX_RINGS:
            hits = hits[self._mask(visible)[hits]][:MAX_RINGS]
        if self._ringed is not None and np.array_equal(hits, self._ringed):
            return
        self._ringed = hits
        self.highlight.setData(pos=self.coords[hits] if len(hits) else np.zeros((0, 2)))
        self.highlight.setVisible(bool(len(hits)))

    def _star_selection(self, visible: np.ndarray | None) -> None:
        """Star the selected points: all of a small selection, else those in ``visible`` (None:
        not known yet), at most ``MAX_STARS`` (a star per point of 200,000 took most of a second
        to set); re-done when a pan or zoom settles. ``selection`` itself stays complete."""
        chosen = np.asarray(self.selection, dtype=np.int64)
        if len(chosen) > MAX_STARS:
            chosen = chosen[self._mask(visible)[chosen]][:MAX_STARS] if visible is not None else chosen[:0]
        if np.array_equal(chosen, self._starred):
            return
        self._starred = chosen
        self.selected.setData(pos=self.coords[chosen] if len(chosen) else np.zeros((0, 2)))
        self.selected.setVisible(bool(len(chosen)))

    def _mask(self, rows) -> np.ndarray:
        """A bool per point, True at ``rows`` (membership tests in O(points), not a sort)."""
        mask = np.zeros(len(self.coords), dtype=bool)
        mask[np.asarray(rows, dtype=np.int64)] = True
        return mask

    def set_pinned(self, indices: list[int]) -> None:
        """Points always labelled (the name a neighbourhood map was drawn around)."""
        self.pinned = [int(i) for i in indices]
        self.refresh_labels()

    def show_links(self, index: int, targets: list[int]) -> None:
        """Lines from point ``index`` to each of ``targets`` that is shown (not hidden by an isolation), all labelled."""
        self.link_targets = [int(t) for t in targets]
        self._draw_links(index, self.link_targets)
        self.refresh_labels()

    def _draw_links(self, index: int, targets: list[int]) -> None:
        if self.keep is not None:
            targets = [t for t in targets if self.keep[t]] if self.keep[index] else []
        pairs = np.zeros((2 * len(targets), 2))
        pairs[0::2] = self.coords[index]
        pairs[1::2] = self.coords[targets] if targets else pairs[1::2]
        self.links.setData(pairs[:, 0], pairs[:, 1])
        self.link_halo.setData(pairs[:, 0], pairs[:, 1])

    # -- selection ---------------------------------------------------------------------
    def select(self, indices, add: bool = False) -> None:
        """Select ``indices`` (replacing the selection, or with ``add`` toggling a single point
        and adding several)."""
        indices = [int(i) for i in indices]
        if add and len(indices) == 1 and indices[0] in self.selection:
            chosen = [i for i in self.selection if i != indices[0]]
        elif add:
            chosen = list(dict.fromkeys(self.selection + indices))
        else:
            chosen = list(dict.fromkeys(indices))
        self.selection = chosen
        self.link_targets = []
        self.links.setData([], [])
        self.link_halo.setData([], [])
        if len(chosen) <= MAX_STARS:   # at once; a larger selection's stars: those in view, when labelled
            self._star_selection(None)
        self.selection_changed.emit(list(chosen))
        self.refresh_labels()

    def clear_selection(self) -> None:
        self.select([])

    def select_region(self, polygon, add: bool = False) -> None:
        """Select the (shown) points inside ``polygon``, [(x, y), ...] in data coordinates."""
        self.select(points_in_polygon(self.coords, polygon, self.keep).tolist(), add=add)

    def isolate(self, indices=None) -> None:
        """Show only ``indices`` (default: the selection) and fit the view to them."""
        rows = list(self.selection if indices is None else indices)
        if not rows:
            return
        self.isolated_category = None
        keep = np.zeros(len(self.coords), dtype=bool)
        keep[rows] = True
        self.keep = keep
        self.layers.set_keep(keep)
        self._isolated()

    def show_all(self) -> None:
        self.isolated_category = None
        self.keep = None
        self.layers.set_keep(None)
        self._isolated()

    def _isolated(self) -> None:
        self.fit_view()
        self._redraw()
        if self.selection and self.link_targets:   # no line to a hidden point
            self._draw_links(self.selection[0], self.link_targets)
        self.isolation_changed.emit()

    # -- interaction --------------------------------------------------------------------
    def _tip(self, x, y, data) -> str:
        index = int(data)
        if not 0 <= index < len(self.coords):
            return ""
        return self.tips(index) if callable(self.tips) else self.tips[index] if index < len(self.tips) else ""

    def point_at(self, x: float, y: float) -> int | None:
        """The shown point nearest to data (x, y) within a few pixels, or None."""
        size = self.view_box.viewPixelSize()
        return nearest_point(self.coords, x, y, size, CLICK_RADIUS_PX, self.keep)

    def _clicked_at(self, x: float, y: float, add: bool) -> None:
        index = self.point_at(x, y)
        if index is None:
            return
        self.select([index], add=add)
        self.point_clicked.emit(index)
