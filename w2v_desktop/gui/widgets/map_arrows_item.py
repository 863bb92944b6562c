"""Arrows on the map, from each start point to its end point (a name's place in run A and in
run B): one graphics item painting every arrow with QPainter.

The shafts follow their points in data coordinates, but the heads are drawn in screen pixels,
so they keep one size and point along the shaft whatever the zoom and the aspect ratio (the
map's axes are scaled independently; a head built in data coordinates would be squashed).
Each arrow is painted twice: a wide halo in the base colour, then the line, so it stays
visible over points of any colour (as the map's neighbour links are). An arrow shorter than
its head is drawn as the head's outline alone at the start, so a name that barely moved still
shows that it is one of the arrows.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen, QPolygonF

from w2v_desktop.gui import theme

HEAD_PX = 8.0        # arrowhead length, screen pixels
HEAD_HALF_ANGLE = np.radians(24)
LINE_WIDTH = 1.6
HALO_WIDTH = 3.5
MIN_SHAFT_PX = 3.0   # shorter than this: the start is ringed instead


class MapArrowsItem(pg.GraphicsObject):
    """Child of ``viewbox``, painting in its pixel coordinates above the points and the labels
    (short arrows in a crowded cluster would vanish under their own labels otherwise); takes no
    mouse buttons (clicks reach the map's points)."""

    def __init__(self, viewbox: pg.ViewBox):
        super().__init__()
        self.vb = viewbox
        self.setParentItem(viewbox)
        self.setZValue(1e6 + 0.5)   # labels (LabelLayer) are at 1e6
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.starts = np.zeros((0, 2))
        self.ends = np.zeros((0, 2))
        self.colour = None        # None: the palette's text colour
        viewbox.sigTransformChanged.connect(lambda *_a: self.update())
        viewbox.sigResized.connect(lambda *_a: self.prepareGeometryChange())

    def set_arrows(self, starts, ends) -> None:
        """Arrows from ``starts[i]`` to ``ends[i]`` (data coordinates, (n, 2) each)."""
        self.starts = np.asarray(starts, dtype=np.float64).reshape(-1, 2)
        self.ends = np.asarray(ends, dtype=np.float64).reshape(-1, 2)
        if self.starts.shape != self.ends.shape:
            raise ValueError(f"{len(self.starts)} arrow starts but {len(self.ends)} ends")
        self.update()

    def clear(self) -> None:
        self.set_arrows(np.zeros((0, 2)), np.zeros((0, 2)))

    @property
    def count(self) -> int:
        return len(self.starts)

    def screen_segments(self) -> tuple[np.ndarray, np.ndarray]:
        """Starts and ends in the view box's pixels (y down)."""
        (x0, x1), (y0, y1) = self.vb.viewRange()
        rect = self.vb.rect()
        scale = np.array([rect.width() / ((x1 - x0) or 1.0), -rect.height() / ((y1 - y0) or 1.0)])
        origin = np.array([x0, y1])
        return (self.starts - origin) * scale, (self.ends - origin) * scale

    def heads(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """(n, 3, 2) triangle corners of each head in pixels: the tip, then the two barbs."""
        direction = ends - starts
        angle = np.arctan2(direction[:, 1], direction[:, 0])
        corners = np.empty((len(ends), 3, 2))
        corners[:, 0] = ends
        for i, turn in enumerate((HEAD_HALF_ANGLE, -HEAD_HALF_ANGLE), start=1):
            corners[:, i, 0] = ends[:, 0] - HEAD_PX * np.cos(angle + turn)
            corners[:, i, 1] = ends[:, 1] - HEAD_PX * np.sin(angle + turn)
        return corners

    # -- painting ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(self.vb.rect())

    def paint(self, painter: QPainter, *_args) -> None:
        if not self.count:
            return
        starts, ends = self.screen_segments()
        long_enough = np.hypot(*(ends - starts).T) >= MIN_SHAFT_PX
        heads = self.heads(starts[long_enough], ends[long_enough])
        painter.setClipRect(self.boundingRect())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.colour or theme.palette_color(QPalette.ColorRole.Text)
        halo = theme.palette_color(QPalette.ColorRole.Base, 220)
        for colour, width in ((halo, HALO_WIDTH), (line, LINE_WIDTH)):
            pen = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawLines([QLineF(*s, *e) for s, e in zip(starts[long_enough], ends[long_enough])])
            painter.setBrush(colour)
            for corners in heads:
                painter.drawPolygon(QPolygonF([QPointF(*c) for c in corners]))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for x, y in starts[~long_enough]:
                painter.drawEllipse(QPointF(x, y), HEAD_PX / 2, HEAD_PX / 2)
