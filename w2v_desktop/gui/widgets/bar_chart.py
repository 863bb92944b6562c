"""Horizontal bar chart (pyqtgraph BarGraphItem) with category labels on the left."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from w2v_desktop.gui import theme


class HorizontalBarChart(QWidget):
    """One bar per category; the first category is drawn at the top."""

    def __init__(self, empty_text: str = "Results will be drawn here.", parent=None):
        super().__init__(parent)
        self.empty_text = empty_text
        self.plot = theme.make_plot()
        self.plot.invertY(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().hideButtons()
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.7)
        self.plot.addItem(self.bars)
        self.value_labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.categories: list[str] = []
        self.values: list[float] = []
        self.apply_theme()
        self.clear_bars()

    def apply_theme(self) -> None:
        self.bars.setOpts(brush=theme.fill_brush(alpha=200), pen=theme.text_pen(0.5))
        for label in self.value_labels:
            label.setColor(theme.palette_color(QPalette.ColorRole.Text))

    def set_bars(self, categories: list[str], values: list[float], x_range=(0.0, 100.0),
                 title: str = "", x_label: str = "", fmt: str = "{:.1f}") -> None:
        self.categories, self.values = list(categories), [float(v) for v in values]
        positions = list(range(len(categories)))
        self.bars.setOpts(x0=[0.0] * len(values), y=positions, width=self.values, height=0.7)
        theme.set_category_ticks(self.plot, "left", self.categories)
        theme.set_labels(self.plot, title if categories else self.empty_text, x_label)
        for axis in ("left", "bottom"):  # no axes around nothing
            self.plot.getPlotItem().showAxis(axis, bool(categories))
        for label in self.value_labels:
            self.plot.removeItem(label)
        self.value_labels = []
        for position, value in zip(positions, self.values):
            label = pg.TextItem(fmt.format(value), color=theme.palette_color(QPalette.ColorRole.Text),
                                anchor=(0, 0.5))
            label.setPos(max(value, 0.0), position)
            self.plot.addItem(label)
            self.value_labels.append(label)
        low, high = min([x_range[0], *self.values]), max([x_range[1], *self.values])
        self.plot.setXRange(low, low + (high - low) * 1.12, padding=0)
        self.plot.setYRange(-0.6, max(len(categories), 1) - 0.4, padding=0)

    def clear_bars(self) -> None:
        self.set_bars([], [])
