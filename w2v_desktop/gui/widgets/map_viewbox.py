"""The map's view box: drag pans and the wheel zooms as usual; Shift+drag draws a selection box,
Ctrl+drag a lasso (or a plain drag, when ``drag_mode`` is set from the toolbar); a click reports where it fell (the map picks the nearest point itself, so
no overlay drawn on top can swallow it)."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

BOX, LASSO = "box", "lasso"


class MapViewBox(pg.ViewBox):
    """``clicked(x, y, add)``: a left click at data (x, y); ``add`` when Ctrl or Shift was held.
    ``region_selected(polygon, add)``: a finished box or lasso as [(x, y), ...] in data coordinates.
    ``drag_mode`` (None, BOX or LASSO) makes a plain drag select instead of pan (toolbar buttons)."""

    clicked = Signal(float, float, bool)
    region_selected = Signal(list, bool)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.drag_mode: str | None = None
        self.turn_drag = None   # a 3-D map's hook (map_rotation): takes a drag that turns the map, True if so
        self._path: list[QPointF] = []
        self._shape = QGraphicsPathItem()
        self._shape.setZValue(1e9)
        self._shape.setVisible(False)
        self.addItem(self._shape, ignoreBounds=True)

    def set_outline_pen(self, pen: QPen) -> None:
        self._shape.setPen(pen)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            point = self.mapSceneToView(ev.scenePos())
            add = bool(ev.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier))
            self.clicked.emit(point.x(), point.y(), add)
        else:
            super().mouseClickEvent(ev)

    def _mode_for(self, modifiers) -> str | None:
        if self.drag_mode is not None:
            return self.drag_mode
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            return BOX
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            return LASSO
        return None

    def mouseDragEvent(self, ev, axis=None) -> None:
        if self.turn_drag is not None and self.turn_drag(ev):
            return
        mode = self._mode_for(ev.modifiers())
        if ev.button() != Qt.MouseButton.LeftButton or mode is None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        here = self.mapSceneToView(ev.scenePos())
        if ev.isStart():
            self._path = [self.mapSceneToView(ev.buttonDownScenePos())]
        if mode == LASSO:
            self._path.append(here)
            polygon = self._path
        else:
            start = self._path[0]
            polygon = [start, QPointF(here.x(), start.y()), here, QPointF(start.x(), here.y())]
        shape = QPainterPath(polygon[0])
        for point in polygon[1:]:
            shape.lineTo(point)
        shape.closeSubpath()
        self._shape.setPath(shape)
        self._shape.setVisible(True)
        if ev.isFinish():
            self._shape.setVisible(False)
            self._path = []
            # with a toolbar mode on, Ctrl adds to the selection; Shift/Ctrl drags replace it
            add = self.drag_mode is not None and bool(ev.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.region_selected.emit([(p.x(), p.y()) for p in polygon], add)
