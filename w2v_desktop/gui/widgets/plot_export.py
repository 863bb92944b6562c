"""Saving a plot as a picture: PNG through pyqtgraph, SVG through Qt's own painter.

(Plot colours and styling live in ``w2v_desktop.gui.theme``.)
"""
from __future__ import annotations

import os
from typing import Callable

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from w2v_desktop.core.outputs import atomic_write
from w2v_desktop.gui.i18n import tr

# Where export dialogs start: the main window points this at the folder of the data in use
# (FileActions.save_folder); a bare name alone would start in the working folder, which in
# an installed app is often the package's own.
start_folder: Callable[[], str] = lambda: os.path.expanduser("~")  # noqa: E731


def export_plot(parent: QWidget, plot: pg.PlotWidget, default_name: str = "plot") -> str | None:
    """Ask for a .png or .svg path and write the plot there; returns the path."""
    start = os.path.join(start_folder(), f"{default_name}.png")
    path, chosen = QFileDialog.getSaveFileName(parent, tr("Export plot"), start,
                                               tr("PNG image (*.png);;SVG drawing (*.svg)"))
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
    generator.setTitle(plot.getPlotItem().titleLabel.text or tr("plot"))
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
