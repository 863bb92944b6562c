"""The 2-D map drawing: points with hover names, colours, search highlights,
neighbour links and a legend. It draws what it is given; no maths here."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from w2v_desktop.gui import theme

MAX_LABELS = 25           # text labels for search hits; more would be unreadable
MAX_CATEGORIES = 9        # distinct colours; the rest share "other"
POINT_SIZE = 7


def categorical_brushes(values: list[str]) -> tuple[list, list[tuple[str, object]]]:
    """Brush per point and (category, brush) legend entries, most common first."""
    order: dict[str, int] = {}
    for value in values:
        order[value] = order.get(value, 0) + 1
    common = sorted(order, key=lambda v: -order[v])[:MAX_CATEGORIES]
    brushes = {v: pg.mkBrush(pg.intColor(i, hues=MAX_CATEGORIES, alpha=220)) for i, v in enumerate(common)}
    other = theme.fill_brush(QPalette.ColorRole.Mid, 160)
    legend = [(v or "(none)", brushes[v]) for v in common]
    if len(order) > len(common):
        legend.append(("other", other))
    return [brushes.get(v, other) for v in values], legend


class ScatterMap(QWidget):
    """``point_clicked(index)`` reports the index of a clicked point."""

    point_clicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = theme.make_plot()
        self.plot.getPlotItem().setAspectLocked(False)
        self.names: list[str] = []
        self.tips: list[str] = []
        self.short_labels: list[str] = []
        self.coords = np.zeros((0, 2))
        self.scatter = pg.ScatterPlotItem(size=POINT_SIZE, pen=None, hoverable=True,
                                          hoverSize=POINT_SIZE + 4, tip=self._tip)
        # a wide base-coloured halo under each link keeps it visible over any point colour
        self.link_halo = pg.PlotDataItem([], [], connect="pairs")
        self.links = pg.PlotDataItem([], [], connect="pairs")
        self.highlight = pg.ScatterPlotItem(size=POINT_SIZE + 8, brush=None)
        self.selected = pg.ScatterPlotItem(size=POINT_SIZE + 10, symbol="star")
        for item in (self.scatter, self.link_halo, self.links, self.highlight, self.selected):
            self.plot.addItem(item)
        self.labels: list[pg.TextItem] = []
        self.legend = pg.LegendItem(offset=(-10, 10))
        self.legend.setParentItem(self.plot.getPlotItem().vb)
        self._colour = self.colour_uniform  # re-applied when the palette changes
        self.colorbar = None
        self.scatter.sigClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.apply_theme()

    def apply_theme(self) -> None:
        text, base = theme.palette_color(QPalette.ColorRole.Text), theme.palette_color(QPalette.ColorRole.Base)
        self.link_halo.setPen(pg.mkPen(base, width=4))
        self.links.setPen(pg.mkPen(text, width=1.5))
        self.highlight.setPen(theme.curve_pen(width=2.5))
        self.selected.setPen(pg.mkPen(text))
        self.selected.setBrush(theme.fill_brush(alpha=255))
        theme.style_legend(self.legend)
        for label in self.labels:
            label.setColor(text)
            label.fill = theme.fill_brush(QPalette.ColorRole.Base, 170)
            label.update()
        self._colour()

    # -- data ----------------------------------------------------------------------
    def set_points(self, names: list[str], coords, tips: list[str], title: str, axis_name: str,
                   short_labels: list[str] | None = None) -> None:
        """``tips`` show on hover; ``short_labels`` (default: names) label highlighted points."""
        self.names, self.tips = list(names), list(tips)
        self.short_labels = list(short_labels) if short_labels is not None else list(names)
        self.coords = np.asarray(coords, dtype=float)
        self.scatter.setData(pos=self.coords, data=np.arange(len(self.names)), brush=theme.fill_brush(alpha=180))
        self.links.setData([], [])
        self.link_halo.setData([], [])
        self.highlight.setData([])
        self.selected.setData([])
        self._clear_labels()
        self._clear_legend()
        theme.set_labels(self.plot, title, f"{axis_name} 1" if axis_name else "", f"{axis_name} 2" if axis_name else "")
        self.plot.autoRange()

    def clear(self) -> None:
        self.set_points([], np.zeros((0, 2)), [], "", "")

    # -- colour ------------------------------------------------------------------------
    def colour_uniform(self) -> None:
        self._colour = self.colour_uniform
        self._clear_legend()
        self.scatter.setBrush(theme.fill_brush(alpha=180))

    def colour_categories(self, values: list[str], title: str) -> None:
        self._colour = lambda: self.colour_categories(values, title)
        brushes, entries = categorical_brushes(values)
        self._clear_legend()
        self.scatter.setBrush(brushes)
        for label, brush in entries:
            self.legend.addItem(pg.ScatterPlotItem(size=POINT_SIZE + 2, pen=None, brush=brush), label)
        self.legend.setVisible(True)

    def colour_scale(self, values, label: str, levels=(0.0, 1.0), colormap: str = "viridis") -> None:
        self._colour = lambda: self.colour_scale(values, label, levels, colormap)
        cmap = pg.colormap.get(colormap)
        low, high = levels
        scaled = np.clip((np.asarray(values, dtype=float) - low) / ((high - low) or 1.0), 0, 1)
        self._clear_legend()
        self.scatter.setBrush([pg.mkBrush(c) for c in cmap.map(scaled, mode="qcolor")])
        self.colorbar = pg.ColorBarItem(values=levels, colorMap=cmap, interactive=False, width=12)
        theme.style_colorbar(self.colorbar, label)
        self.plot.getPlotItem().layout.addItem(self.colorbar, 2, 5)

    def _clear_legend(self) -> None:
        self.legend.clear()
        self.legend.setVisible(False)
        if self.colorbar is not None:
            self.plot.getPlotItem().layout.removeItem(self.colorbar)
            self.colorbar.setParentItem(None)
            self.colorbar.deleteLater()
            self.colorbar = None

    # -- overlays ----------------------------------------------------------------------
    def show_highlights(self, indices: list[int]) -> None:
        self._clear_labels()
        self.highlight.setData(pos=self.coords[indices] if indices else np.zeros((0, 2)))
        for i in indices[:MAX_LABELS]:
            self._add_label(i)

    def show_links(self, index: int, targets: list[int]) -> None:
        """Lines from point ``index`` to each of ``targets``; the point is starred."""
        pairs = np.zeros((2 * len(targets), 2))
        pairs[0::2] = self.coords[index]
        pairs[1::2] = self.coords[targets] if targets else pairs[1::2]
        self.links.setData(pairs[:, 0], pairs[:, 1])
        self.link_halo.setData(pairs[:, 0], pairs[:, 1])
        self.selected.setData(pos=self.coords[[index]])
        self._clear_labels()
        self._add_label(index)  # neighbours' names would pile up on each other; hover shows them

    def _add_label(self, i: int) -> None:
        label = pg.TextItem(self.short_labels[i], color=theme.palette_color(QPalette.ColorRole.Text), anchor=(0, 1),
                            fill=theme.fill_brush(QPalette.ColorRole.Base, 170))
        label.setPos(*self.coords[i])
        self.plot.addItem(label)
        self.labels.append(label)

    def _clear_labels(self) -> None:
        for label in self.labels:
            self.plot.removeItem(label)
        self.labels = []

    # -- interaction --------------------------------------------------------------------
    def _tip(self, x, y, data) -> str:
        return self.tips[int(data)] if 0 <= int(data) < len(self.tips) else ""

    def _clicked(self, _item, points, _event=None) -> None:
        if len(points):
            self.point_clicked.emit(int(points[0].data()))
