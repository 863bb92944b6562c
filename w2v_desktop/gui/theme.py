"""Plot colours taken from the application palette, so light and dark themes both work.

Nothing here hard-codes a colour: plots use the palette's Base (background),
Text (axes), Highlight (main curve), Link (second curve) and Mid (markers).
``retheme(widget)`` re-applies them to every plot under a widget after the
system palette changes.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget


def palette_color(role: QPalette.ColorRole) -> QColor:
    return QApplication.palette().color(role)


def configure_pyqtgraph() -> None:
    """Defaults for plots created from now on."""
    pg.setConfigOptions(antialias=True, background=palette_color(QPalette.ColorRole.Base),
                        foreground=palette_color(QPalette.ColorRole.Text))


def curve_pen(role: QPalette.ColorRole = QPalette.ColorRole.Highlight, width: float = 2):
    return pg.mkPen(palette_color(role), width=width)


def marker_pen():
    return pg.mkPen(palette_color(QPalette.ColorRole.Mid), width=1, style=pg.QtCore.Qt.PenStyle.DashLine)


def fill_brush(role: QPalette.ColorRole = QPalette.ColorRole.Highlight, alpha: int = 110):
    color = QColor(palette_color(role))
    color.setAlpha(alpha)
    return pg.mkBrush(color)


def style_plot(plot: pg.PlotWidget) -> None:
    plot.setBackground(palette_color(QPalette.ColorRole.Base))
    text = palette_color(QPalette.ColorRole.Text)
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        axis.setPen(text)
        axis.setTextPen(text)
    if item.titleLabel is not None:
        item.titleLabel.setText(item.titleLabel.text, color=text)


def make_plot(title: str = "", x_label: str = "", y_label: str = "") -> pg.PlotWidget:
    plot = pg.PlotWidget()
    item = plot.getPlotItem()
    if title:
        item.setTitle(title)
    if x_label:
        item.setLabel("bottom", x_label)
    if y_label:
        item.setLabel("left", y_label)
    item.showGrid(x=True, y=True, alpha=0.2)
    item.setMenuEnabled(False)
    style_plot(plot)
    return plot


def retheme(widget: QWidget) -> None:
    """Re-apply palette colours to every plot below ``widget`` (after a palette change)."""
    configure_pyqtgraph()
    for plot in widget.findChildren(pg.PlotWidget):
        style_plot(plot)
    for child in widget.findChildren(QWidget):
        if callable(getattr(child, "apply_theme", None)):
            child.apply_theme()  # curves and markers of panels that define it
