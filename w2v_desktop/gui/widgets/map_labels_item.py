"""Text labels on the map: one graphics item painting every placed label with QPainter.

Where labels go is decided by ``core/analysis/map_labels.py`` (greedy, non-overlapping, inside
the view); this item measures the texts, asks it, and paints the result. Labels are anchored
to their points in data coordinates, so between two placements (the map re-places them after a
pan or zoom settles) they move with the points. One painter item instead of a pool of TextItems:
a few hundred labels paint in a few milliseconds and nothing is created per label.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QPen

from w2v_desktop.core.analysis import label_order, place_labels
from w2v_desktop.gui import theme

MAX_LABELS = 400     # labels on screen at most
PAD_X, PAD_Y = 3.0, 1.0


class ViewOverlay(pg.GraphicsObject):
    """Child of the view box, painting in its pixel coordinates over the points; takes no mouse
    buttons (clicks reach the points under it)."""

    def __init__(self, viewbox: pg.ViewBox):
        super().__init__()
        self.vb = viewbox
        self.setParentItem(viewbox)
        self.setZValue(1e6)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class LabelLayer(ViewOverlay):
    """The map's labels."""

    def __init__(self, viewbox: pg.ViewBox):
        super().__init__(viewbox)
        self.font = QFont()
        self.font.setPointSizeF(max(7.5, self.font.pointSizeF() * 0.9))
        self.strong_font = QFont(self.font)
        self.strong_font.setBold(True)
        self._metrics = {False: QFontMetricsF(self.font), True: QFontMetricsF(self.strong_font)}
        self._widths: dict[tuple[str, bool], float] = {}
        self.height = self._metrics[True].height() + 2 * PAD_Y
        self.clear()
        viewbox.sigTransformChanged.connect(lambda *_a: self.update())
        viewbox.sigResized.connect(lambda *_a: self.prepareGeometryChange())

    def clear(self) -> None:
        self.xy = np.zeros((0, 2))          # each label's point, data coordinates
        self.offsets = np.zeros((0, 2))     # its top-left corner from the point, pixels
        self.sizes = np.zeros((0, 2))
        self.texts: list[str] = []
        self.strong: list[bool] = []
        self.rows = np.zeros(0, np.int64)   # the map point of each label
        self.note = ""
        self.update()

    def text_width(self, text: str, strong: bool = False) -> float:
        key = (text, strong)
        width = self._widths.get(key)
        if width is None:
            width = self._widths[key] = self._metrics[strong].horizontalAdvance(text) + 2 * PAD_X
        return width

    # -- placing --------------------------------------------------------------------------
    def place(self, coords, visible, texts, priority=None, forced=(), strong=frozenset()) -> int:
        """Label ``visible`` points (rows of ``coords``) without overlaps; ``forced`` rows first
        (in that order), then by ``priority`` (higher first; default: row order). Returns how
        many of ``forced`` got no label."""
        (x0, x1), (y0, y1) = self.vb.viewRange()
        rect = self.vb.rect()
        width, height = rect.width(), rect.height()
        order, n_forced = label_order(visible, priority, forced)
        if len(order) == 0 or width <= 0 or height <= 0:
            self.clear()
            return distinct(forced)
        xy = np.asarray(coords, dtype=np.float64)[order]
        px = (xy[:, 0] - x0) * (width / (x1 - x0))
        py = (y1 - xy[:, 1]) * (height / (y1 - y0))
        bold = [int(r) in strong for r in order]
        widths = np.array([self.text_width(texts[r], b) for r, b in zip(order, bold)])
        heights = np.full(len(order), self.height)
        placement = place_labels(px, py, widths, heights, (width, height), forced=n_forced, limit=MAX_LABELS,
                                 blocked=self.obstacles())
        chosen = placement.placed
        self.rows = order[chosen]
        self.xy = xy[chosen]
        self.offsets = np.column_stack([placement.left - px[chosen], placement.top - py[chosen]])
        self.sizes = np.column_stack([widths[chosen], heights[chosen]])
        self.texts = [texts[r] for r in self.rows]
        self.strong = [bold[i] for i in chosen]
        self.update()
        missing = distinct(forced) - n_forced   # not in view, or past the candidates' cap
        return placement.dropped_forced + missing

    def obstacles(self) -> list[tuple[float, float, float, float]]:
        """The view box's visible legends, in its pixels: labels are placed around them."""
        found = []
        for item in self.vb.childItems():
            if isinstance(item, pg.LegendItem) and item.isVisible():
                r = item.mapRectToItem(self.vb, item.boundingRect())
                found.append((r.left(), r.top(), r.width(), r.height()))
        return found

    def screen_rects(self) -> list[QRectF]:
        """Where each label is drawn now, in the view box's pixels."""
        if not len(self.xy):
            return []
        (x0, x1), (y0, y1) = self.vb.viewRange()
        rect = self.vb.rect()
        px = (self.xy[:, 0] - x0) * (rect.width() / (x1 - x0)) + self.offsets[:, 0]
        py = (y1 - self.xy[:, 1]) * (rect.height() / (y1 - y0)) + self.offsets[:, 1]
        return [QRectF(x, y, w, h) for x, y, (w, h) in zip(px, py, self.sizes)]

    # -- painting ---------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return QRectF(self.vb.rect())

    def paint(self, painter, *_args) -> None:
        text_colour = theme.palette_color(QPalette.ColorRole.Text)
        fill = theme.palette_color(QPalette.ColorRole.Base, 205)
        strong_pen = QPen(theme.palette_color(QPalette.ColorRole.Highlight), 1.2)
        painter.setPen(text_colour)
        for rect, text, strong in zip(self.screen_rects(), self.texts, self.strong):
            painter.fillRect(rect, fill)
            if strong:
                painter.setPen(strong_pen)
                painter.drawRect(rect)
                painter.setPen(text_colour)
            painter.setFont(self.strong_font if strong else self.font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if self.note:
            painter.setFont(self.font)
            box = QRectF(self.vb.rect()).adjusted(6, 0, 0, -6)
            metrics = self._metrics[False]
            note = QRectF(box.left(), box.bottom() - self.height, metrics.horizontalAdvance(self.note) + 2 * PAD_X,
                          self.height)
            painter.fillRect(note, fill)
            painter.drawText(note, Qt.AlignmentFlag.AlignCenter, self.note)


def distinct(rows) -> int:
    """How many different rows (a mask, not a sort: a search may force 300,000)."""
    rows = np.asarray(rows, dtype=np.int64).reshape(-1)
    if not len(rows):
        return 0
    seen = np.zeros(int(rows.max()) + 1, dtype=bool)
    seen[rows] = True
    return int(np.count_nonzero(seen))
