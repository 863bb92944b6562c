"""A labelled matrix heatmap: ImageItem + colour map + a value in every cell."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from w2v_desktop.gui import theme


def _contrasting(background: QColor) -> QColor:
    """Whichever of the palette's text and base colours reads better on ``background``."""
    text, base = theme.palette_color(QPalette.ColorRole.Text), theme.palette_color(QPalette.ColorRole.Base)
    return max((text, base), key=lambda c: abs(c.lightnessF() - background.lightnessF()))


def short_label(label: str, width: int = 6) -> str:
    """Column labels sit side by side under the cells, so long ones are abbreviated."""
    return label if len(label) <= width else label[:width - 1] + "."


class HeatmapView(QWidget):
    """Rows and columns share ``labels``; row 0 is drawn at the top."""

    def __init__(self, colormap: str = "viridis", empty_text: str = "", parent=None):
        super().__init__(parent)
        self.empty_text = empty_text
        self.plot = theme.make_plot()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().showGrid(x=False, y=False)
        self.plot.getPlotItem().hideButtons()
        self.plot.invertY(True)
        self.colormap = pg.colormap.get(colormap)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=self.colormap, interactive=False, width=12)
        self.colorbar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self._labels: list[pg.TextItem] = []
        self._drawn = None  # (values, levels, fmt) of the cell labels, to recolour them
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.values = np.zeros((0, 0))
        self.apply_theme()
        self.clear()

    def clear(self) -> None:
        """Nothing to show: no axes, no colour bar, just what will appear here."""
        self.values = np.zeros((0, 0))
        self.image.clear()
        self._draw_values(self.values, (0.0, 1.0), "")
        self._drawn = None
        theme.set_labels(self.plot, self.empty_text)  # (setting labels shows the axes again)
        self._show_frame(False)

    def _show_frame(self, shown: bool) -> None:
        for axis in ("left", "bottom"):
            self.plot.getPlotItem().showAxis(axis, shown)
        self.colorbar.setVisible(shown)

    def apply_theme(self) -> None:
        theme.style_colorbar(self.colorbar)
        if self._drawn is not None:
            self._draw_values(*self._drawn)  # cell text contrasts with both palettes' colours

    def set_matrix(self, values, labels: list[str], levels=(0.0, 1.0), title: str = "",
                   fmt: str = "{:.2f}") -> None:
        values = np.asarray(values, dtype=float)
        self.values = values
        self._show_frame(True)
        self.image.setImage(values, levels=levels, autoLevels=False)
        self.image.setRect(0, 0, values.shape[1], values.shape[0])
        self.colorbar.setLevels(levels)
        self.colorbar.setColorMap(self.colormap)
        item = self.plot.getPlotItem()
        item.getAxis("left").setTicks([[(i + 0.5, label) for i, label in enumerate(labels)], []])
        item.getAxis("bottom").setTicks([[(i + 0.5, short_label(label)) for i, label in enumerate(labels)], []])
        theme.set_labels(self.plot, title)
        self._draw_values(values, levels, fmt)
        self.plot.setRange(xRange=(0, values.shape[1]), yRange=(0, values.shape[0]), padding=0)

    def _draw_values(self, values: np.ndarray, levels, fmt: str) -> None:
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []
        self._drawn = (values, levels, fmt)
        low, high = levels
        for (row, col), value in np.ndenumerate(values):
            if np.isnan(value):
                text, colour = "n/a", theme.palette_color(QPalette.ColorRole.Text)
            else:
                position = (value - low) / (high - low) if high > low else 0.5
                colour = _contrasting(self.colormap.map(float(np.clip(position, 0, 1)), mode="qcolor"))
                text = fmt.format(value)
            label = pg.TextItem(text, color=colour, anchor=(0.5, 0.5))
            label.setPos(col + 0.5, row + 0.5)
            self.plot.addItem(label)
            self._labels.append(label)

    def cell_texts(self) -> list[str]:
        return [label.toPlainText() for label in self._labels]
