"""pyqtgraph plots that follow the application palette (light or dark).

pyqtgraph defaults to a black background; we take the colours from the
palette instead so plots sit naturally in the window and stay readable.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from w2v_desktop.core.atomic import atomic_write


def palette_color(role: QPalette.ColorRole, alpha: int | None = None) -> QColor:
    colour = QColor(QApplication.palette().color(role))
    if alpha is not None:
        colour.setAlpha(alpha)
    return colour


def text_pen(width: float = 1.0) -> pg.mkPen:
    return pg.mkPen(palette_color(QPalette.Text), width=width)


def accent_pen(width: float = 1.5) -> pg.mkPen:
    return pg.mkPen(palette_color(QPalette.Highlight), width=width)


def accent_brush(alpha: int = 200) -> pg.mkBrush:
    return pg.mkBrush(palette_color(QPalette.Highlight, alpha))


def make_plot(title: str = "", x_label: str = "", y_label: str = "", parent=None) -> pg.PlotWidget:
    """A PlotWidget with palette colours, labelled axes and a light grid."""
    plot = pg.PlotWidget(parent=parent, background=palette_color(QPalette.Base))
    item = plot.getPlotItem()
    foreground = palette_color(QPalette.Text)
    for name in ("left", "bottom", "top", "right"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(palette_color(QPalette.Mid)))
        axis.setTextPen(pg.mkPen(foreground))
        axis.enableAutoSIPrefix(False)  # "(x0.001)" next to a label confuses more than it helps
    set_labels(plot, title, x_label, y_label)
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    return plot


def style_colorbar(bar: pg.ColorBarItem, label: str = "") -> None:
    """Colour bars default to pyqtgraph's grey; use the palette's text colour."""
    text = palette_color(QPalette.Text)
    bar.axis.setPen(pg.mkPen(palette_color(QPalette.Mid)))
    bar.axis.setTextPen(pg.mkPen(text))
    if label:
        bar.axis.setLabel(label, color=text.name())


def set_labels(plot: pg.PlotWidget, title: str = "", x_label: str = "", y_label: str = "") -> None:
    item = plot.getPlotItem()
    colour = palette_color(QPalette.Text).name()
    item.setTitle(title or None, color=colour, size="10pt")
    item.setLabel("bottom", x_label or None, color=colour)
    item.setLabel("left", y_label or None, color=colour)


def set_category_ticks(plot: pg.PlotWidget, axis: str, labels: list[str]) -> None:
    """Label integer positions 0..n-1 of an axis with ``labels``."""
    plot.getPlotItem().getAxis(axis).setTicks([list(enumerate(labels)), []])


def export_plot(parent: QWidget, plot: pg.PlotWidget, default_name: str = "plot") -> str | None:
    """Ask for a .png or .svg path and write the plot there; returns the path."""
    path, chosen = QFileDialog.getSaveFileName(parent, "Export plot", f"{default_name}.png",
                                               "PNG image (*.png);;SVG drawing (*.svg)")
    if not path:
        return None
    if not path.lower().endswith((".png", ".svg")):
        path += ".svg" if "svg" in chosen.lower() else ".png"
    write_plot(plot, path)
    return path


def write_plot(plot: pg.PlotWidget, path: str) -> None:
    """Write the plot as PNG or SVG (by suffix), atomically."""
    import pyqtgraph.exporters as exporters

    item = plot.getPlotItem()
    if path.lower().endswith(".svg"):
        data = svg_bytes(plot)
    else:
        exporter = exporters.ImageExporter(item)
        exporter.parameters()["width"] = max(800, int(item.sceneBoundingRect().width()) * 2)
        data = png_bytes(exporter.export(toBytes=True))
    with atomic_write(path, "wb") as f:
        f.write(bytes(data))


def svg_bytes(plot: pg.PlotWidget) -> bytes:
    """The plot as SVG, drawn by Qt's own SVG painter.

    pyqtgraph's SVGExporter cannot parse the SVG paths Qt 6.10+ writes
    (pyqtgraph issue #3485: "x,y = c.split(',')" fails), so we let Qt paint it.
    """
    from PySide6.QtSvg import QSvgGenerator

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(plot.size())
    generator.setViewBox(plot.rect())
    generator.setTitle(plot.getPlotItem().titleLabel.text or "plot")
    painter = QPainter(generator)
    # in export mode pyqtgraph draws symbols as vector paths instead of cached pixmaps
    items = [i for i in plot.scene().items() if isinstance(i, (pg.ScatterPlotItem, pg.PlotCurveItem))]
    for item in items:
        item.setExportMode(True, {"antialias": True, "background": None, "painter": painter})
    try:
        plot.render(painter)
    finally:
        painter.end()
        for item in items:
            item.setExportMode(False)
    buffer.close()
    return bytes(array)


def png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array)
